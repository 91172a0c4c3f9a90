/// How serious a scrubber finding is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Blocks submission.
    case error
    /// Recorded on the claim; does not block.
    case warning
}

/// A scrubber rule: stable id, severity and what it checks.
public struct ScrubRule: Sendable, Hashable {
    /// Stable id, `MH001`….
    public let id: String
    /// Severity of its findings.
    public let severity: Severity
    /// What the rule checks, in a sentence.
    public let summary: String
}

/// One problem the scrubber found.
public struct ScrubFinding: Sendable, Hashable, Codable {
    /// The rule id.
    public var ruleID: String
    /// Severity.
    public var severity: Severity
    /// The line concerned, if any.
    public var lineID: LineID?
    /// A message a billing clerk understands.
    public var message: String

    /// A finding.
    public init(ruleID: String, severity: Severity, lineID: LineID? = nil, message: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.lineID = lineID
        self.message = message
    }
}

/// The outside facts the scrubber needs, passed in rather than fetched.
public struct ScrubContext: Sendable, Equatable {
    /// The practice: providers, enrolments, rules, fee schedule.
    public var practice: Practice.State
    /// The patient: coverages and authorizations.
    public var patient: Patient.State
    /// The patient's other claims, for duplicate checks.
    public var otherClaims: [Claim.State]
    /// Today's business date, for timely filing.
    public var today: LocalDate
    /// Whether the patient's identity can be written in an 837P, as facts without the identity; nil when the
    /// caller has none (then rules MH032–MH036 are not run).
    public var identity: IdentityFacts?
    /// The patient's eligibility answers and carve-out routings; nil when the caller has none (then rules
    /// MH060–MH062 are not run).
    public var eligibility: EligibilityHistory?
    /// Days an eligibility check stays current (MH062).
    public var eligibilityPolicyDays: Int

    /// A context.
    public init(
        practice: Practice.State, patient: Patient.State, otherClaims: [Claim.State] = [], today: LocalDate,
        identity: IdentityFacts? = nil, eligibility: EligibilityHistory? = nil, eligibilityPolicyDays: Int = EligibilityEvent.defaultPolicyDays
    ) {
        self.eligibility = eligibility
        self.eligibilityPolicyDays = eligibilityPolicyDays
        self.practice = practice
        self.patient = patient
        self.otherClaims = otherClaims
        self.today = today
        self.identity = identity
    }
}

/// What the 837P needs of the patient's identity, as facts about it and never the identity itself (names
/// and member ids are PHI and stay in the PHI store): the lengths of the values as they would be written
/// (trimmed, accents dropped) and verdicts on their characters. The caller works them out with the same code
/// that writes the file (BillingX12's `IdentityFacts(identity:)`).
public struct IdentityFacts: Sendable, Hashable {
    /// A part of the identity that the 837P carries, as a clerk names it.
    public enum Part: String, Sendable, Hashable, CaseIterable, Comparable {
        /// NM103.
        case lastName = "last name"
        /// NM104.
        case firstName = "first name"
        /// NM109 of the subscriber.
        case memberID = "member id"
        /// N3/N4.
        case address = "address"

        /// In the order above.
        public static func < (lhs: Part, rhs: Part) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The length of each part as written; the address's is its longest street line.
    public var lengths: [Part: Int]
    /// The city's length as written (N401), when the address reads.
    public var cityLength: Int?
    /// The address reads as street, city, two-letter state and a 5- or 9-digit ZIP (N3/N4 can be written).
    public var addressReads: Bool
    /// Parts holding a character X12 cannot carry at all (another alphabet, an emoji, a separator).
    public var unwritable: Set<Part>
    /// Parts written with characters replaced by their plain forms (an accent dropped, a curly quote made straight).
    public var replaced: Set<Part>

    /// Facts.
    public init(
        lengths: [Part: Int], cityLength: Int? = nil, addressReads: Bool = true, unwritable: Set<Part> = [],
        replaced: Set<Part> = []
    ) {
        self.lengths = lengths
        self.cityLength = cityLength
        self.addressReads = addressReads
        self.unwritable = unwritable
        self.replaced = replaced
    }
}
