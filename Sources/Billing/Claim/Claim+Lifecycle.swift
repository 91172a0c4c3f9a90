extension Claim {
    /// Whether a claim in `state` is done: every payer billed has answered (the current payer adjudicated it and
    /// nothing waits for a next payer), both balances are zero and no denial is open.
    public static func isSettled(_ state: State) -> Bool {
        state.status == .adjudicated && state.insuranceBalance == .zero && state.patientBalance == .zero
            && state.openDenials.isEmpty
    }

    /// The `close` to append after a command left the claim in `state`, if it is now settled. Never after a staff
    /// `reopen` (they reopened it to work it) or a `close`.
    public static func closing(after command: Command, _ state: State) -> Command? {
        switch command {
        case .close, .reopen, .create: return nil
        default: return isSettled(state) ? .close(on: command.date) : nil
        }
    }

    /// The `reopen` to run before `command` on a closed claim: anything that moves money or opens work (a reversal,
    /// a late payment, a write-off, a refund, a correction, a void) reopens it first, with a reason saying why.
    public static func reopening(before command: Command, _ state: State) -> Command? {
        guard state.status == .closed else { return nil }
        let reason: String
        switch command {
        case .create, .scrub, .submit, .acknowledge, .reject, .close, .reopen: return nil
        case .adjudicate(let adjudication, _, _, _): reason = "payment \(adjudication.payerClaimNumber) from \(adjudication.payerID)"
        case .reverseAdjudication(let number, _, _): reason = "reversal \(number)"
        case .assignDenial, .appeal: reason = "denial work"
        case .correct: reason = "correction"
        case .void: reason = "void"
        case .writeOff: reason = "write-off"
        case .transferToPatient: reason = "transfer to the patient"
        case .applyPatientPayment: reason = "patient payment"
        case .refundPatient: reason = "patient refund"
        }
        return .reopen(reason: reason, on: command.date)
    }

    /// `decide` with the claim's life applied, as every application path runs a claim command: a closed claim is
    /// reopened before a command that acts on it, and a claim the command settles is closed after it. All or
    /// nothing: if the command is refused, neither the reopen nor the close is recorded.
    public static func decideInLife(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        var events: [Event] = []
        var current = state
        if let reopen = reopening(before: command, current) {
            let reopened = try decide(reopen, current)
            events += reopened
            current = reopened.reduce(current, evolve)
        }
        let decided = try decide(command, current)
        events += decided
        current = decided.reduce(current, evolve)
        if !decided.isEmpty, let close = closing(after: command, current) {
            events += try decide(close, current)
        }
        return events
    }
}
