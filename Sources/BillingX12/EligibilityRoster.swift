/// What the simulated payers know of their members: for a member id with a payer, how that payer answers a 270
/// about them. A member on the roster always gets the same answer, whatever the inquiry's trace; one not on it gets
/// a scenario drawn from the seed and the trace. The demo gives the simulator its plan's truth this way (a
/// commercial plan that carves the behavioral-health benefit out, every other coverage active).
public struct EligibilityRoster: Sendable, Hashable {
    /// Scenarios by `PAYERID|MEMBERID` (both upper-cased).
    public private(set) var scenarios: [String: EligibilityScenario] = [:]

    /// An empty roster: every answer is drawn.
    public init() {}

    /// Records how `payerID` (its X12 claim payer id, as 2100A names it) answers about `memberID`.
    public mutating func set(_ scenario: EligibilityScenario, payerID: String, memberID: String) {
        scenarios[Self.key(payerID, memberID)] = scenario
    }

    /// How `payerID` answers about `memberID`, when the roster knows.
    public func scenario(payerID: String, memberID: String) -> EligibilityScenario? {
        scenarios[Self.key(payerID, memberID)]
    }

    /// Members on the roster.
    public var count: Int { scenarios.count }

    static func key(_ payer: String, _ member: String) -> String { payer.uppercased() + "|" + member.uppercased() }
}
