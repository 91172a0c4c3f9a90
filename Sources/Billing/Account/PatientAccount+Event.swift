import Foundation

extension PatientAccount {
    /// Facts about a patient's account. Financial events carry `effectiveDate` and `period`.
    public enum Event: StoredEvent {
        /// `account.opened`: the account was opened.
        case opened(Opened)
        /// `account.charge_posted`: an amount became the patient's to pay.
        case chargePosted(ChargePosted)
        /// `account.charge_reversed`: an earlier charge was taken back (e.g. a payer reversal).
        case chargeReversed(ChargeReversed)
        /// `account.payment_received`: the patient paid.
        case paymentReceived(PaymentReceived)
        /// `account.refund_issued`: a credit balance was refunded.
        case refundIssued(RefundIssued)
        /// `account.adjusted`: a discount reduced the balance (e.g. sliding scale).
        case adjusted(Adjusted)
        /// `account.written_off`: part of the balance was written off.
        case writtenOff(WrittenOff)
        /// `account.statement_generated`: a statement (invoice) was produced.
        case statementGenerated(StatementGenerated)
        /// `account.estimate_created`: a Good Faith Estimate was given (No Surprises Act).
        case estimateCreated(EstimateCreated)
        /// `account.superbill_issued`: a superbill was given for the client's own reimbursement.
        case superbillIssued(SuperbillIssued)

        /// Every type name of the family.
        public static let eventTypes = [
            "account.opened",
            "account.charge_posted",
            "account.charge_reversed",
            "account.payment_received",
            "account.refund_issued",
            "account.adjusted",
            "account.written_off",
            "account.statement_generated",
            "account.estimate_created",
            "account.superbill_issued",
        ]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .opened: "account.opened"
            case .chargePosted: "account.charge_posted"
            case .chargeReversed: "account.charge_reversed"
            case .paymentReceived: "account.payment_received"
            case .refundIssued: "account.refund_issued"
            case .adjusted: "account.adjusted"
            case .writtenOff: "account.written_off"
            case .statementGenerated: "account.statement_generated"
            case .estimateCreated: "account.estimate_created"
            case .superbillIssued: "account.superbill_issued"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .opened(let p): try encodeJSON(p, encoder)
            case .chargePosted(let p): try encodeJSON(p, encoder)
            case .chargeReversed(let p): try encodeJSON(p, encoder)
            case .paymentReceived(let p): try encodeJSON(p, encoder)
            case .refundIssued(let p): try encodeJSON(p, encoder)
            case .adjusted(let p): try encodeJSON(p, encoder)
            case .writtenOff(let p): try encodeJSON(p, encoder)
            case .statementGenerated(let p): try encodeJSON(p, encoder)
            case .estimateCreated(let p): try encodeJSON(p, encoder)
            case .superbillIssued(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "account.opened": .opened(try decodeJSON(Opened.self, d, j))
            case "account.charge_posted": .chargePosted(try decodeJSON(ChargePosted.self, d, j))
            case "account.charge_reversed": .chargeReversed(try decodeJSON(ChargeReversed.self, d, j))
            case "account.payment_received": .paymentReceived(try decodeJSON(PaymentReceived.self, d, j))
            case "account.refund_issued": .refundIssued(try decodeJSON(RefundIssued.self, d, j))
            case "account.adjusted": .adjusted(try decodeJSON(Adjusted.self, d, j))
            case "account.written_off": .writtenOff(try decodeJSON(WrittenOff.self, d, j))
            case "account.statement_generated": .statementGenerated(try decodeJSON(StatementGenerated.self, d, j))
            case "account.estimate_created": .estimateCreated(try decodeJSON(EstimateCreated.self, d, j))
            case "account.superbill_issued": .superbillIssued(try decodeJSON(SuperbillIssued.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
