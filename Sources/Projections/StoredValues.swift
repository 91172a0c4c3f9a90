import Billing

extension Claim.Status {
    /// The status as `claim_status.status` stores it: the domain's name in snake_case (`awaiting_next_payer`).
    public var columnText: String {
        switch self {
        case .none: "none"
        case .draft: "draft"
        case .submitted: "submitted"
        case .acknowledged: "acknowledged"
        case .rejected: "rejected"
        case .adjudicated: "adjudicated"
        case .denied: "denied"
        case .awaitingNextPayer: "awaiting_next_payer"
        case .voidPending: "void_pending"
        case .voided: "voided"
        case .closed: "closed"
        }
    }

    /// The status a `claim_status.status` value names, or nil for text it never holds.
    public init?(columnText: String) {
        let all: [Claim.Status] = [
            .none, .draft, .submitted, .acknowledged, .rejected, .adjudicated, .denied, .awaitingNextPayer, .voidPending, .voided, .closed,
        ]
        guard let status = all.first(where: { $0.columnText == columnText }) else { return nil }
        self = status
    }
}

/// How a denial ended (`denials.outcome`), or `appealed` while it is in appeal.
public enum DenialOutcome: String, Sendable, Hashable, CaseIterable {
    /// In appeal (not yet resolved).
    case appealed
    /// Paid when the payer reprocessed the claim.
    case paid
    /// Paid after an appeal.
    case paidAfterAppeal = "paid_after_appeal"
    /// Superseded by a correction of the claim.
    case corrected
    /// Written off.
    case writtenOff = "written_off"
    /// Closed by a void of the claim.
    case voided
    /// Superseded by a reversal of the adjudication that opened it.
    case reversed
    /// A patient-responsibility denial whose patient share the patient paid.
    case patientPaid = "patient_paid"
    /// A patient-responsibility denial whose patient share moved to the next payer (COB).
    case transferred
}
