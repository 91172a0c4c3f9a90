import Billing
import Foundation

/// One posted payment (stream `remit-<payer>-<trace>`) as the remittance tables hold it: the payment's
/// `RemittanceLedger`, folded from its events by the billing domain's own code, and where in the log each
/// part came from. `remittances`, `remittance_plb` and `remittance_unapplied` are written from it.
public struct PaymentRow: Sendable, Equatable {
    /// The practice.
    public var tenantID: String
    /// The payment's stream.
    public var streamID: String
    /// Business date of `remittance.received`.
    public var receivedOn: String
    /// Log position of `remittance.received` (the order payments were received in).
    public var receivedPosition: Int64
    /// Latest business date of any event of the payment.
    public var lastActivityOn: String
    /// Log position of the last event applied.
    public var lastPosition: Int64
    /// The reconciliation, folded by `RemittanceLedger.apply`.
    public var ledger = RemittanceLedger()
    /// The log position of each PLB item, in the ledger's order.
    public var plbPositions: [Int64] = []
    /// For each unapplied item, when and where it last changed.
    public var itemChanges: [String: LogPlace] = [:]

    /// A payment received at a place in the log.
    public init(tenantID: String, streamID: String, receivedAt place: LogPlace) {
        self.tenantID = tenantID
        self.streamID = streamID
        receivedOn = place.effectiveDate
        receivedPosition = place.position
        lastActivityOn = place.effectiveDate
        lastPosition = place.position
    }

    /// Σ paid of the items applied to a claim by a person.
    public var appliedAmount: Money { ledger.items.filter { $0.state == .applied }.map(\.entry.paid).sum() }

    /// Claim payments posted: each CLP the payment posted to a claim (for payments recorded before that list,
    /// the CLPs in the transaction set), as `rcm era list` counts them.
    public var claimsPosted: Int { ledger.received?.postedClaims?.count ?? ledger.received?.claims ?? 0 }
}
