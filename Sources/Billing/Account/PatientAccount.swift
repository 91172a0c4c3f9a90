/// The patient account: what the patient owes across claims and self-pay sessions, payments, refunds,
/// statements, Good Faith Estimates and superbills. Stream `"account-<patientKey>"`.
public enum PatientAccount {
    /// The stream id of a patient's account.
    public static func streamID(_ key: PatientKey) -> String { "account-\(key.rawValue)" }

    /// The No Surprises Act threshold: billed charges this far above the estimate are flagged.
    public static let goodFaithEstimateTolerance = Money(cents: 40_000)

    /// The account as known.
    public struct State: Sendable, Equatable {
        /// The patient, once opened.
        public var patientKey: PatientKey?
        /// Self-pay or out-of-network client.
        public var selfPay = false
        /// Charges to the patient.
        public var charges: Money = .zero
        /// Patient payments.
        public var patientPaid: Money = .zero
        /// Discounts.
        public var adjustments: Money = .zero
        /// Write-offs.
        public var writeOffs: Money = .zero
        /// Refunds.
        public var refunds: Money = .zero
        /// Balance (negative: credit), kept independently of the totals.
        public var balance: Money = .zero
        /// Charges by source, to bound reversals.
        public var chargesBySource: [ChargeSource: Money] = [:]
        /// Payments received by id.
        public var payments: Set<PaymentID> = []
        /// The latest Good Faith Estimate: id, total, last date covered.
        public var estimate: EstimateSummary?
        /// Self-pay session charges posted since that estimate.
        public var chargesSinceEstimate: Money = .zero
        /// Documents issued (statements, estimates, superbills).
        public var documents: Set<DocumentID> = []

        /// Not opened.
        public init() {}

        /// A credit the patient could be refunded.
        public var credit: Money { balance < .zero ? -balance : .zero }
    }

    /// The essentials of a Good Faith Estimate.
    public struct EstimateSummary: Sendable, Hashable {
        /// The estimate.
        public var documentID: DocumentID
        /// Expected total.
        public var total: Money
        /// Last date of service covered.
        public var validThrough: LocalDate
    }

    /// Not opened.
    public static let initial = State()

    /// What staff ask of an account.
    public enum Command: Sendable, Equatable {
        /// Opens the account.
        case open(PatientKey, selfPay: Bool, on: LocalDate)
        /// Posts a charge the patient owes.
        case postCharge(ChargeSource, amount: Money, on: LocalDate, period: AccountingPeriod)
        /// Takes back part of an earlier charge.
        case reverseCharge(ChargeSource, amount: Money, on: LocalDate, period: AccountingPeriod)
        /// Records a patient payment.
        case receivePayment(PaymentID, amount: Money, method: PaymentMethod, on: LocalDate, period: AccountingPeriod)
        /// Refunds a credit.
        case issueRefund(PaymentID, amount: Money, on: LocalDate, period: AccountingPeriod)
        /// Gives a discount.
        case adjust(amount: Money, reason: String, on: LocalDate, period: AccountingPeriod)
        /// Writes off part of the balance.
        case writeOff(amount: Money, reason: WriteOffReason, on: LocalDate, period: AccountingPeriod)
        /// Produces a statement.
        case generateStatement(DocumentID, dueDate: LocalDate, on: LocalDate)
        /// Gives a Good Faith Estimate.
        case createEstimate(DocumentID, items: [EstimateItem], validThrough: LocalDate, on: LocalDate)
        /// Issues a superbill.
        case issueSuperbill(DocumentID, Superbill, on: LocalDate)
    }

    /// Why an account command was refused.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// Opened already.
        case alreadyOpen
        /// Not opened.
        case notOpen
        /// Amount must be positive.
        case nonPositiveAmount
        /// Exceeds the balance.
        case exceedsBalance(amount: Money, balance: Money)
        /// Exceeds the credit.
        case exceedsCredit(amount: Money, credit: Money)
        /// Exceeds what was charged from that source.
        case exceedsCharge(amount: Money, charged: Money)
        /// Payment id used already.
        case duplicatePayment(PaymentID)
        /// Document id used already.
        case duplicateDocument(DocumentID)
        /// Nothing is due.
        case nothingDue
        /// Good Faith Estimates are for self-pay clients.
        case notSelfPay
        /// An estimate or superbill needs lines.
        case empty
        /// The NPI is not valid.
        case invalidNPI(String)
        /// A reason is required.
        case reasonRequired
        /// Timely-filing losses are never the patient's.
        case timelyFilingNotPatients

        /// A message a billing clerk understands.
        public var description: String {
            switch self {
            case .alreadyOpen: "The account is already open."
            case .notOpen: "Open the account first."
            case .nonPositiveAmount: "The amount must be more than zero."
            case .exceedsBalance(let a, let b): "\(a) is more than the balance of \(b)."
            case .exceedsCredit(let a, let c): "\(a) is more than the credit of \(c)."
            case .exceedsCharge(let a, let c): "\(a) is more than the \(c) charged."
            case .duplicatePayment(let id): "Payment \(id) is already recorded."
            case .duplicateDocument(let id): "Document \(id) already exists."
            case .nothingDue: "Nothing is due on this account."
            case .notSelfPay: "Good Faith Estimates are for self-pay clients."
            case .empty: "Add at least one service."
            case .invalidNPI(let npi): "NPI \(npi) is not valid."
            case .reasonRequired: "Give a reason."
            case .timelyFilingNotPatients: "A timely-filing loss is never billed to the patient."
            }
        }
    }
}
