/// What of the log an integrator (the events feed, webhooks) may see: every event of the product's
/// families except the ones about people's access and sign-ins, each payload without its clinical and
/// free-text content. The patient appears only by the pseudonymous key: direct identifiers are never in an
/// event (they live in the PHI store), so what is withheld here is what an event does carry that is still
/// sensitive. The rule is by payload key, at any depth, for every event type at once; a new event type is
/// covered the day it is declared, and `BillingEvent.allEventTypes` is held against the families below.
public enum IntegratorView {
    /// Families shown (`claim.*`, …): the business record of a practice.
    public static let shownFamilies: Set<String> = [
        "practice", "patient", "session", "claim", "denial", "account", "remittance", "directory", "x12", "tenant", "eligibility",
        "status", "company",
    ]
    /// Families withheld entirely: who read PHI (`access.*`) and who signed in (`identity.*`) are the
    /// company's audit, not the practice's business.
    public static let withheldFamilies: Set<String> = ["access", "identity"]
    /// Event types withheld although their family is shown: a substance-use flag is 42 CFR Part 2 information.
    public static let withheldTypes: Set<String> = ["patient.substance_use_flagged"]
    /// Payload keys removed at any depth: diagnoses (clinical), the identity digest (a hash of identifiers),
    /// Part 2 flags, free text a person typed (notes, remarks) and file names, and the list of PHI records
    /// destroyed.
    public static let withheldKeys: Set<String> = [
        "diagnoses", "identityDigest", "isSubstanceUse", "substanceUse", "note", "remarks", "fileName", "destroyed",
    ]

    /// The family of an event type: `claim.submitted` → `claim`.
    public static func family(of eventType: String) -> String {
        String(eventType.prefix { $0 != "." })
    }

    /// Whether integrators see events of this type at all.
    public static func shows(_ eventType: String) -> Bool {
        shownFamilies.contains(family(of: eventType)) && !withheldTypes.contains(eventType)
    }

    /// The event types integrators may see, of every type the product declares.
    public static var shownEventTypes: [String] { BillingEvent.allEventTypes.filter(shows) }

    /// A payload (a decoded JSON value) without the withheld keys, at any depth.
    public static func redact(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var kept: [String: Any] = [:]
            for (key, inner) in object where !withheldKeys.contains(key) { kept[key] = redact(inner) }
            return kept
        }
        if let array = value as? [Any] { return array.map(redact) }
        return value
    }
}
