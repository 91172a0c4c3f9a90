/// What staff change in a payer's rule from a date of service on; fields left nil keep the value of the rule
/// in force on that date (or the default rule when there is none).
public struct PayerRuleChange: Sendable, Hashable {
    /// Who needs an authorization under the new rule.
    public enum Authorization: Sendable, Hashable {
        /// No code needs one.
        case notRequired
        /// Every code needs one.
        case everyCode
        /// Only these codes and code ranges (`96130`, `90832-90838`).
        case codes(Set<String>)
    }

    /// Days from the date of service to file.
    public var timelyFilingDays: Int?
    /// Days before the filing deadline at which the scrubber warns.
    public var timelyFilingMarginDays: Int?
    /// Authorization requirement.
    public var authorization: Authorization?
    /// Telehealth places of service the payer accepts.
    public var telehealthPlaces: Set<String>?
    /// Telehealth modifiers the payer wants (an empty set: none).
    public var telehealthModifiers: Set<String>?
    /// Whether audio-only sessions are payable.
    public var audioOnlyAllowed: Bool?
    /// Days after adjudication for a corrected claim.
    public var correctedClaimDays: Int?
    /// Days after adjudication for an appeal.
    public var appealDays: Int?
    /// Whether the payer is a behavioral-health carve-out.
    public var behavioralCarveOut: Bool?
    /// The plan's copay per visit; `.some(nil)` clears it.
    public var copay: Money??

    /// A change; every field nil changes nothing.
    public init(
        timelyFilingDays: Int? = nil, timelyFilingMarginDays: Int? = nil, authorization: Authorization? = nil,
        telehealthPlaces: Set<String>? = nil, telehealthModifiers: Set<String>? = nil, audioOnlyAllowed: Bool? = nil,
        correctedClaimDays: Int? = nil, appealDays: Int? = nil, behavioralCarveOut: Bool? = nil, copay: Money?? = nil
    ) {
        self.timelyFilingDays = timelyFilingDays
        self.timelyFilingMarginDays = timelyFilingMarginDays
        self.authorization = authorization
        self.telehealthPlaces = telehealthPlaces
        self.telehealthModifiers = telehealthModifiers
        self.audioOnlyAllowed = audioOnlyAllowed
        self.correctedClaimDays = correctedClaimDays
        self.appealDays = appealDays
        self.behavioralCarveOut = behavioralCarveOut
        self.copay = copay
    }

    /// True when the change names no field.
    public var isEmpty: Bool { self == PayerRuleChange() }

    /// The rule in force from `date`: `base` (the rule in force on that date, if any) with this change applied.
    public func applied(to base: PayerRule?, from date: LocalDate) -> PayerRule {
        var rule = base ?? PayerRule(effectiveFrom: date)
        rule.effectiveFrom = date
        if let timelyFilingDays { rule.timelyFilingDays = timelyFilingDays }
        if let timelyFilingMarginDays { rule.timelyFilingMarginDays = timelyFilingMarginDays }
        switch authorization {
        case nil: break
        case .notRequired?:
            rule.authorizationRequired = false
            rule.authorizationCodes = []
        case .everyCode?:
            rule.authorizationRequired = true
            rule.authorizationCodes = []
        case .codes(let codes)?:
            rule.authorizationRequired = true
            rule.authorizationCodes = codes
        }
        if let telehealthPlaces { rule.telehealthPlaces = telehealthPlaces }
        if let telehealthModifiers { rule.telehealthModifiers = telehealthModifiers }
        if let audioOnlyAllowed { rule.audioOnlyAllowed = audioOnlyAllowed }
        if let correctedClaimDays { rule.correctedClaimDays = correctedClaimDays }
        if let appealDays { rule.appealDays = appealDays }
        if let behavioralCarveOut { rule.behavioralCarveOut = behavioralCarveOut }
        if let copay { rule.copay = copay }
        return rule
    }
}
