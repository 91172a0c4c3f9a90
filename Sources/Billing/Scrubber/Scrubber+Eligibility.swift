extension Scrubber {
    /// The eligibility rules, kept apart from the shared rule list so that each family of rules grows in its own file.
    public static let eligibilityRules: [ScrubRule] = [
        .init(
            id: "MH060", severity: .error,
            summary: "The latest 271 of the claim's payer does not name another payer (a carve-out) for the behavioral-health benefit."),
        .init(
            id: "MH061", severity: .error,
            summary: "The latest 271 of the claim's payer does not say the coverage is inactive on a date of service."),
        .init(
            id: "MH062", severity: .warning,
            summary: "An eligibility check of the claim's payer is younger than the practice's policy (default 30 days)."),
    ]

    /// MH060–MH062 from the patient's eligibility history; none when the caller has no history to give.
    static func eligibilityFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let history = context.eligibility, let payer = claim.payerID else { return [] }
        var out: [ScrubFinding] = []
        if let route = history.routes[payer] {
            out.append(
                finding(
                    "MH060", nil,
                    "The behavioral-health benefit of \(payer) was routed to \(route.toPayerID) (271 trace \(route.trace)): bill \(route.toPayerID)."))
        } else if let answer = history.latest[payer], let carveOut = answer.check.carveOut {
            out.append(
                finding(
                    "MH060", nil,
                    "The 271 of \(answer.on) says \(carveOut.name) (\(carveOut.x12PayerID ?? "no payer id")) carries the behavioral-health benefit, not \(payer): route it with rcm eligibility route."
                ))
        }
        if let answer = history.latest[payer] {
            for line in claim.lines where inactive(answer.check, on: line.dateOfService) {
                out.append(
                    finding(
                        "MH061", line.lineID,
                        "The 271 of \(answer.on) says the coverage with \(payer) is \(answer.check.status.rawValue) on \(line.dateOfService)."))
            }
        }
        let newest = history.latest[payer]?.on
        if newest.map({ $0.days(to: context.today) > context.eligibilityPolicyDays }) ?? true {
            let when = newest.map { "the last check of \(payer) was on \($0)" } ?? "\(payer) was never asked"
            out.append(
                finding(
                    "MH062", nil,
                    "No eligibility check in the last \(context.eligibilityPolicyDays) days: \(when) (rcm eligibility check)."))
        }
        return out
    }

    /// Whether an answer says the coverage is not in force on `date`: inactive (after its end date when it gives one,
    /// else from the date asked about), or active with dates that leave `date` out. A rejected or unknown answer says
    /// nothing either way.
    public static func inactive(_ check: EligibilityEvent.Checked, on date: LocalDate) -> Bool {
        switch check.status {
        case .inactive:
            if let end = check.coverageEnd { return date > end }
            return date >= check.serviceDate
        case .active:
            return !check.covers(date)
        case .rejected, .unknown:
            return false
        }
    }
}
