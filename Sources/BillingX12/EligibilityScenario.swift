/// How a simulated payer answers one 270 inquiry.
public enum EligibilityScenario: String, Sendable, Hashable, Codable, CaseIterable {
    /// Active, deductible met, in network, no authorization needed.
    case active
    /// Inactive (EB*6), no dates.
    case inactive
    /// Inactive: the coverage ended on the last day of the month before the date asked about.
    case endedLastMonth
    /// Active with the whole deductible still to meet.
    case deductibleNotMet
    /// Active for medical benefits, the behavioral-health benefit run by another payer (loop 2120C, NM1*PR).
    case carveOut
    /// Active, behavioral-health services need prior authorization (EB11 Y).
    case authorizationRequired
    /// Active, but the provider is out of the plan's network (EB12 N only).
    case outOfNetwork

    /// Share of each scenario, in percent, when none is forced.
    static let weights: [(EligibilityScenario, Int)] = [
        (.active, 50), (.deductibleNotMet, 12), (.authorizationRequired, 10), (.carveOut, 10), (.outOfNetwork, 6), (.endedLastMonth, 7),
        (.inactive, 5),
    ]

    /// The scenario for a draw in 0..<100.
    static func drawn(_ value: Int) -> EligibilityScenario {
        var left = value
        for (scenario, weight) in weights {
            if left < weight { return scenario }
            left -= weight
        }
        return .active
    }
}
