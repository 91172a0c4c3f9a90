/// A clinician's licence level, which decides supervision and credential modifiers.
public enum LicenceLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Psychiatrist or other physician.
    case physician
    /// Psychiatric nurse practitioner.
    case nursePractitioner
    /// Licensed psychologist (doctoral).
    case psychologist
    /// Licensed master's-level therapist (LCSW, LPC, LMFT).
    case licensedTherapist
    /// Pre-licensed associate who bills under a supervisor.
    case preLicensed
    /// Bachelor's-level staff (Medicaid community services).
    case bachelors

    /// True when the payer needs a supervising provider on the claim.
    public var requiresSupervisor: Bool { self == .preLicensed || self == .bachelors }
}

/// A provider of the practice: individual clinician (type-1 NPI) or the group (type 2).
public struct Provider: Sendable, Hashable, Codable {
    /// The provider's id within the practice.
    public var id: ProviderID
    /// The NPI as entered (validated when added; the scrubber checks it again).
    public var npi: String
    /// The taxonomy code (e.g. `"101YM0800X"`).
    public var taxonomy: String
    /// The licence level.
    public var licence: LicenceLevel
    /// The supervising provider, required for pre-licensed clinicians.
    public var supervisor: ProviderID?

    /// A provider.
    public init(id: ProviderID, npi: String, taxonomy: String, licence: LicenceLevel, supervisor: ProviderID? = nil) {
        self.id = id
        self.npi = npi
        self.taxonomy = taxonomy
        self.licence = licence
        self.supervisor = supervisor
    }
}

/// A payer's rules for this practice, in force from a date until a later rule replaces them.
public struct PayerRule: Sendable, Hashable, Codable {
    /// The first date of service the rule governs.
    public var effectiveFrom: LocalDate
    /// Days from the date of service within which a claim must be filed.
    public var timelyFilingDays: Int
    /// Days before the deadline at which the scrubber starts warning.
    public var timelyFilingMarginDays: Int
    /// Whether an authorization is required.
    public var authorizationRequired: Bool
    /// When not empty, the authorization requirement applies only to these codes and code ranges (`96130`,
    /// `90832-90838`: every code of the same form between the two, both included).
    public var authorizationCodes: Set<String>
    /// Places of service the payer accepts for telehealth (e.g. `["02", "10"]` or `["11"]`).
    public var telehealthPlaces: Set<String>
    /// Telehealth modifiers the payer accepts; one must be present (empty: none expected).
    public var telehealthModifiers: Set<String>
    /// Whether audio-only sessions are payable.
    public var audioOnlyAllowed: Bool
    /// Days after the adjudication within which a corrected claim is accepted.
    public var correctedClaimDays: Int
    /// Days after the adjudication within which an appeal is accepted.
    public var appealDays: Int
    /// True for a behavioral-health carve-out (Z-code primaries are commonly denied).
    public var behavioralCarveOut: Bool
    /// The copay the payer's plan sets per visit, when the practice has it from the contract (nil: not set).
    public var copay: Money?

    /// A rule; defaults fit a typical commercial plan.
    public init(
        effectiveFrom: LocalDate, timelyFilingDays: Int = 90, timelyFilingMarginDays: Int = 10,
        authorizationRequired: Bool = false, authorizationCodes: Set<String> = [],
        telehealthPlaces: Set<String> = ["02", "10"], telehealthModifiers: Set<String> = ["95"],
        audioOnlyAllowed: Bool = false, correctedClaimDays: Int = 90, appealDays: Int = 180,
        behavioralCarveOut: Bool = false, copay: Money? = nil
    ) {
        self.effectiveFrom = effectiveFrom
        self.timelyFilingDays = timelyFilingDays
        self.timelyFilingMarginDays = timelyFilingMarginDays
        self.authorizationRequired = authorizationRequired
        self.authorizationCodes = authorizationCodes
        self.telehealthPlaces = telehealthPlaces
        self.telehealthModifiers = telehealthModifiers
        self.audioOnlyAllowed = audioOnlyAllowed
        self.correctedClaimDays = correctedClaimDays
        self.appealDays = appealDays
        self.behavioralCarveOut = behavioralCarveOut
        self.copay = copay
    }

    /// True when a line with this code needs an authorization under the rule.
    public func requiresAuthorization(for code: String) -> Bool {
        authorizationRequired
            && (authorizationCodes.isEmpty
                || authorizationCodes.contains { CodeRange(parsing: $0)?.contains(code) ?? ($0 == code) })
    }
}

/// An amount per code in force from a date: a fee-schedule charge or a contracted allowed amount.
public struct RateEntry: Sendable, Hashable, Codable {
    /// The procedure code.
    public var code: String
    /// The amount.
    public var amount: Money
    /// The first date of service it applies to.
    public var effectiveFrom: LocalDate

    /// A rate.
    public init(code: String, amount: Money, effectiveFrom: LocalDate) {
        self.code = code
        self.amount = amount
        self.effectiveFrom = effectiveFrom
    }
}

/// The practice's enrolment with one payer.
public struct PayerEnrollment: Sendable, Hashable, Codable {
    /// The payer.
    public var payerID: PayerID
    /// The payer's name (not PHI).
    public var name: String
    /// Providers enrolled (credentialed) with the payer.
    public var providers: Set<ProviderID>
    /// Rules by effective date.
    public var rules: [PayerRule]
    /// Contracted allowed amounts by code and date.
    public var contractRates: [RateEntry]

    /// The rule in force on a date of service, if any.
    public func rule(on date: LocalDate) -> PayerRule? {
        rules.filter { $0.effectiveFrom <= date }.reduce(nil) { best, rule in
            best.map { rule.effectiveFrom >= $0.effectiveFrom ? rule : $0 } ?? rule
        }
    }
}

/// The latest entry for `code` in force on `date` (a later entry with the same date wins).
func latestRate(_ entries: [RateEntry], code: String, on date: LocalDate) -> Money? {
    entries.filter { $0.code == code && $0.effectiveFrom <= date }.reduce(nil) { (best: RateEntry?, entry) in
        best.map { entry.effectiveFrom >= $0.effectiveFrom ? entry : $0 } ?? entry
    }?.amount
}
