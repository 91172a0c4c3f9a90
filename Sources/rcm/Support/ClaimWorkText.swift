import Billing

/// What `rcm claims list` says of a claim beyond its money: the scrubber's verdict and the next thing to do.
enum ClaimWorkText {
    /// `errors: R1 R2`, `pass`, `pass, 1 warning(s)`, `not scrubbed`; empty once the claim is with a payer.
    static func scrub(_ claim: Claim.State) -> String {
        let errors = claim.findings.filter { $0.severity == .error }.map(\.ruleID)
        let warnings = claim.findings.filter { $0.severity != .error }.count
        if !errors.isEmpty { return "errors: " + errors.joined(separator: " ") }
        if claim.readyToSubmit { return warnings == 0 ? "pass" : "pass with \(warnings) warning(s)" }
        return awaitsScrub(claim.status) ? "not scrubbed" : ""
    }

    /// The next step: ready to submit, scrub, fix, wait for the payer, or each unresolved denial with its codes.
    static func next(_ claim: Claim.State) -> String {
        if awaitsScrub(claim.status) {
            if claim.readyToSubmit { return "ready to submit" }
            return claim.findings.contains { $0.severity == .error } ? "fix the errors and scrub again" : "scrub"
        }
        switch claim.status {
        case .submitted, .acknowledged: return "awaiting the payer"
        case .voidPending: return "void to send (claims submit)"
        default:
            let denials = claim.denials.values.filter { $0.status != .resolved }.sorted {
                $0.denialID.description < $1.denialID.description
            }
            return denials.map { "denial " + claim.denialText($0) }.joined(separator: " | ")
        }
    }

    private static func awaitsScrub(_ status: Claim.Status) -> Bool { [.draft, .rejected, .awaitingNextPayer].contains(status) }
}
