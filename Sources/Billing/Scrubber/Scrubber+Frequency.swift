extension Scrubber {
    /// Replacement and void claims: the payer's original claim number and the corrected-claim window.
    static func frequencyFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard claim.frequency != .original else { return [] }
        var out: [ScrubFinding] = []
        if claim.payerClaimNumber == nil {
            out.append(
                finding(
                    "MH031", nil,
                    "A frequency \(claim.frequency.rawValue) claim needs the payer's original claim number."))
        }
        if claim.frequency == .replacement, let payer = claim.payerID, let firstDay = claim.firstDateOfService,
            let rule = context.practice.rule(payer: payer, on: firstDay),
            let last = claim.adjudications.last(where: { $0.adjudication.payerID == payer })
        {
            let deadline = last.adjudication.adjudicatedOn.adding(days: rule.correctedClaimDays)
            if context.today > deadline {
                out.append(
                    finding(
                        "MH030", nil,
                        "This payer takes corrected claims for \(rule.correctedClaimDays) days after adjudication; that ended on \(deadline)."
                    ))
            }
        }
        return out
    }
}
