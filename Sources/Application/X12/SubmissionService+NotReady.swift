import Billing

extension SubmissionService {
    /// Why a claim named with `--claims` cannot go into an 837P now, and what the clerk can do instead.
    static func notReady(_ id: ClaimID, _ claim: Claim.State) -> CommandRejected {
        let errors = claim.findings.filter { $0.severity == .error }.map(\.ruleID)
        switch claim.status {
        case .rejected:
            return CommandRejected(
                "claim \(id) is rejected and not ready to submit: correct it (rcm claims correct) and scrub it, then submit it as an original")
        case .draft, .awaitingNextPayer:
            if !errors.isEmpty {
                return CommandRejected(
                    "claim \(id) is not ready to submit: it failed the scrub (\(errors.joined(separator: ", "))): fix it and run rcm claims scrub \(id) again")
            }
            return CommandRejected(
                "claim \(id) is \(claim.status.rawValue) and not ready to submit: it has not been scrubbed since; run rcm claims scrub \(id) first")
        case .submitted, .acknowledged:
            return CommandRejected("claim \(id) was already submitted (\(claim.status.rawValue)): the payer has it; wait for its answer")
        case .adjudicated, .denied, .closed:
            return CommandRejected(
                "claim \(id) was already submitted and the payer answered (\(claim.status.rawValue)): to send it again, correct it (rcm claims correct) or appeal the denial"
            )
        case .voided: return CommandRejected("claim \(id) is voided: nothing to send")
        case .none, .voidPending: return CommandRejected("claim \(id) is \(claim.status.rawValue) and cannot be submitted")
        }
    }
}
