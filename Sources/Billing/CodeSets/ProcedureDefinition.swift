/// What a CPT or HCPCS code means to the scrubber: its kind, time band, unit rules and pairings.
///
/// Summaries are our own short wording, not the AMA's descriptors.
public struct ProcedureDefinition: Sendable, Hashable {
    /// The family a code belongs to, which drives the pairing rules.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Diagnostic evaluation (90791, 90792).
        case diagnosticEvaluation
        /// Standalone individual psychotherapy (90832, 90834, 90837).
        case psychotherapy
        /// Psychotherapy add-on to an E/M (90833, 90836, 90838).
        case psychotherapyAddOn
        /// Crisis psychotherapy, first 60 minutes (90839).
        case crisis
        /// Crisis add-on, each further 30 minutes (90840).
        case crisisAddOn
        /// Family or couples therapy (90846, 90847, 90849).
        case family
        /// Group psychotherapy (90853).
        case group
        /// Interactive complexity add-on (90785).
        case interactiveComplexity
        /// Psychological or neuropsychological testing and instruments.
        case testing
        /// Testing add-on for each further unit.
        case testingAddOn
        /// Evaluation and management visit.
        case evaluationAndManagement
        /// Medicaid behavioral-health HCPCS service (H- and T-codes).
        case hcpcsService
        /// Psychiatric collaborative care management for a calendar month (99492, 99493).
        case collaborativeCare
        /// Collaborative care, each further 30 minutes in the month (+99494).
        case collaborativeCareAddOn
        /// Digital mental health treatment device supply and management (G0552–G0554).
        case digitalMentalHealth
    }

    /// The five-character code.
    public let code: String
    /// Our short wording.
    public let summary: String
    /// The family of the code.
    public let kind: Kind
    /// Session minutes the code requires, when time-coded (90837: 53...).
    public let minutes: ClosedRange<Int>?
    /// For add-ons, the codes one of which must be billed the same day.
    public let primaries: Set<String>
    /// Most units billable per day, when capped.
    public let maxUnitsPerDay: Int?
    /// Whether payers usually require an authorization.
    public let usuallyNeedsAuthorization: Bool
    /// Whether the service is substance-use treatment (42 CFR Part 2).
    public let substanceUse: Bool
    /// When the code is valid (CPT changes each 1 January).
    public let effective: EffectivePeriod

    /// A definition; defaults describe an untimed, unpaired, uncapped code in force since 2000.
    public init(
        _ code: String, _ summary: String, _ kind: Kind, minutes: ClosedRange<Int>? = nil,
        primaries: Set<String> = [], maxUnitsPerDay: Int? = nil, usuallyNeedsAuthorization: Bool = false,
        substanceUse: Bool = false, effective: EffectivePeriod = .always
    ) {
        self.code = code
        self.summary = summary
        self.kind = kind
        self.minutes = minutes
        self.primaries = primaries
        self.maxUnitsPerDay = maxUnitsPerDay
        self.usuallyNeedsAuthorization = usuallyNeedsAuthorization
        self.substanceUse = substanceUse
        self.effective = effective
    }

    /// True for add-on codes, which need a primary code the same day.
    public var isAddOn: Bool { !primaries.isEmpty }

    /// True for any psychotherapy code (standalone, add-on, crisis).
    public var isPsychotherapy: Bool {
        [.psychotherapy, .psychotherapyAddOn, .crisis, .crisisAddOn].contains(kind)
    }
}

extension ProcedureDefinition {
    /// A clerk-readable problem when `minutes` is outside the code's time band, else nil.
    public func minutesProblem(_ sessionMinutes: Int) -> String? {
        guard let band = minutes else { return nil }
        if sessionMinutes < band.lowerBound {
            return "\(code) needs at least \(band.lowerBound) minutes; the session lasted \(sessionMinutes)"
        }
        if sessionMinutes > band.upperBound {
            return
                "\(code) covers \(band.lowerBound) to \(band.upperBound) minutes; the session lasted \(sessionMinutes)"
        }
        return nil
    }
}
