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

    /// A context.
    public init(practice: Practice.State, patient: Patient.State, otherClaims: [Claim.State] = [], today: LocalDate) {
        self.practice = practice
        self.patient = patient
        self.otherClaims = otherClaims
        self.today = today
    }
}
