import Billing
import X12

/// The posting plan of one 835 transaction set (one payment): claim commands, unapplied remittance,
/// provider-level adjustments, the idempotency key and the balance status. The caller appends the commands
/// to the claim streams in one transaction, or nothing (when the payment is unbalanced and not accepted).
public struct RemittancePlan: Sendable, Equatable {
    /// The idempotency business key: payer id, TRN02, BPR02, BPR16.
    public var key: PaymentKey
    /// ST02 of the 835 (a second guard with the file hash).
    public var transactionControlNumber: String
    /// The date the commands carry: BPR16, else DTM*405, else the caller's receipt date.
    public var effectiveDate: LocalDate
    /// Whether BPR02 = ΣCLP04 − ΣPLB, and every finding of the file's balancing identities.
    public var balance: PaymentBalance
    /// Commands per claim, in file order of each claim's first CLP.
    public var claims: [ClaimPostingPlan]
    /// What could not be applied: kept, listed, never dropped.
    public var unapplied: [UnappliedRemittance]
    /// PLB items: provider-level adjustments that do not touch claim balances.
    public var providerAdjustments: [ProviderLevelAdjustment]

    /// True when the payment must not post unless someone accepts the imbalance with a reason.
    public var requiresAcceptance: Bool { !balance.isBalanced }
}

/// The business key that makes posting a payment idempotent.
public struct PaymentKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// REF*2U, else TRN03.
    public var payerID: String
    /// TRN02: the check or EFT trace number.
    public var traceNumber: String
    /// BPR02 with its sign (negative for a debit).
    public var amount: Money
    /// BPR16, `CCYYMMDD`, when present.
    public var paymentDate: String?

    /// `payer|trace|amount|date`.
    public var description: String { "\(payerID)|\(traceNumber)|\(amount)|\(paymentDate ?? "")" }
}

/// BPR02 against ΣCLP04 − ΣPLB.
public struct PaymentBalance: Sendable, Equatable {
    /// BPR02 (signed).
    public var stated: Money
    /// ΣCLP04.
    public var claimsPaid: Money
    /// ΣPLB (positive reduces the payment).
    public var providerAdjustments: Money
    /// Every failing identity (line, claim, CLP05, payment) as a sentence with claim numbers and amounts only.
    public var findings: [String]

    /// ΣCLP04 − ΣPLB.
    public var computed: Money { claimsPaid - providerAdjustments }
    /// BPR02 = ΣCLP04 − ΣPLB.
    public var isBalanced: Bool { stated == computed }
    /// BPR02 − (ΣCLP04 − ΣPLB).
    public var difference: Money { stated - computed }
}

/// The commands for one claim, to append to its stream in order.
public struct ClaimPostingPlan: Sendable, Equatable {
    /// The claim stream.
    public var claimID: ClaimID
    /// CLP01.
    public var claimNumber: ClaimNumber
    /// `.adjudicate` and `.reverseAdjudication` commands in CLP order.
    public var commands: [Claim.Command]
    /// The events the commands produced against the claim state the lookup gave (a dry run: the caller
    /// decides again against the stream it appends to).
    public var previewEvents: [Claim.Event]

    /// Lines paid below the contracted allowed amount (from the dry run).
    public var underpaidLines: [LineID] {
        previewEvents.flatMap { event -> [LineID] in
            if case .adjudicated(let adjudicated) = event { adjudicated.underpaidLines } else { [] }
        }
    }

    /// Denials the payment opens (from the dry run).
    public var openedDenials: [Denial] {
        previewEvents.compactMap { event -> Denial? in
            if case .denied(let denied) = event { denied.denial } else { nil }
        }
    }
}

/// Remittance that could not be applied to a claim or line.
public struct UnappliedRemittance: Sendable, Hashable {
    /// Why it was not applied.
    public enum Reason: Error, Sendable, Hashable, CustomStringConvertible {
        /// CLP01 is not a claim number of ours.
        case unknownClaim
        /// An SVC matched no line of the claim (neither REF*6R nor code and date).
        case unmatchedLine
        /// A claim-level payment without service lines whose totals do not fit the claim's open lines.
        case noServiceLines
        /// A reversal without CLP07.
        case missingPayerClaimNumber
        /// A CAS group other than CO, OA, PI, PR.
        case invalidAdjustmentGroup(String)
        /// The claim refused the command (the rejection's message).
        case refused(String)

        /// A sentence for a poster.
        public var description: String {
            switch self {
            case .unknownClaim: "no claim of ours has this number"
            case .unmatchedLine: "the service line matches no line of the claim"
            case .noServiceLines: "the claim payment has no service lines and its totals do not fit the claim"
            case .missingPayerClaimNumber: "the reversal names no payer claim number"
            case .invalidAdjustmentGroup(let group): "adjustment group \(group) is not valid in 5010"
            case .refused(let message): message
            }
        }
    }

    /// Why.
    public var reason: Reason
    /// CLP01 as sent.
    public var patientControlNumber: String
    /// CLP02.
    public var statusCode: String
    /// CLP07.
    public var payerClaimNumber: String?
    /// REF*6R of the line, for a line entry.
    public var lineControlNumber: String?
    /// SVC01 code, for a line entry.
    public var procedureCode: String?
    /// CLP03 or SVC02.
    public var charge: Money
    /// CLP04 or SVC03: money received and not applied.
    public var paid: Money
    /// Index of the CLP in the transaction set, from 0.
    public var claimIndex: Int
    /// Segment number of the CLP or SVC (0 when built in memory).
    public var segmentNumber: Int
}

/// One PLB item: money moved at the provider level, not on a claim.
public struct ProviderLevelAdjustment: Sendable, Hashable {
    /// What kind of item it is (declared in Billing, where `remittance.provider_adjustment` stores it).
    public typealias Kind = ProviderAdjustmentKind

    /// PLB01.
    public var providerID: String
    /// PLB02.
    public var fiscalPeriodDate: LocalDate
    /// PLB03-1.
    public var reason: String
    /// PLB03-2: often the payer claim number a recoupment applies to.
    public var reference: String?
    /// Positive reduces the payment, negative increases it.
    public var amount: Money
    /// The kind.
    public var kind: Kind
    /// Our claim the reference names, when the lookup knows the payer claim number (to tie a recoupment back).
    public var claimNumber: ClaimNumber?
}
