import Billing

/// The remittance tables: `remittances` (one row per payment), `remittance_plb` (one per PLB item) and
/// `remittance_unapplied` (one per unapplied item, with what became of it), folded by the billing domain's
/// `RemittanceLedger`. Pure, like the claims projection: events of a payment the fold does not hold (and
/// that do not receive it) are ignored, since in an as-of replay it may not have been received yet.
public enum RemittanceProjection {
    /// Applies one remittance event to its payment.
    public static func apply(_ event: RemittanceEvent, at place: LogPlace, to fold: inout RemittanceFold) {
        let stream = place.streamID
        if case .received = event {
            fold.payments[stream] = PaymentRow(tenantID: fold.tenantID, streamID: stream, receivedAt: place)
        }
        guard var payment = fold.payments[stream] else { return }
        payment.ledger.apply(event)
        switch event {
        case .received: break
        case .providerAdjustment: payment.plbPositions.append(place.position)
        case .unapplied: if let item = payment.ledger.items.last { payment.itemChanges[item.itemID] = place }
        case .itemApplied(let e): touch(e.itemID, of: &payment, at: place)
        case .itemHeld(let e): touch(e.itemID, of: &payment, at: place)
        case .itemReleased(let e): touch(e.itemID, of: &payment, at: place)
        case .itemRefunded(let e): touch(e.itemID, of: &payment, at: place)
        }
        payment.lastActivityOn = max(payment.lastActivityOn, place.effectiveDate)
        payment.lastPosition = place.position
        fold.payments[stream] = payment
        fold.dirty.insert(stream)
    }

    /// Records where an item last changed (items the ledger does not hold are left alone, as it leaves them).
    static func touch(_ itemID: String, of payment: inout PaymentRow, at place: LogPlace) {
        guard payment.ledger.item(itemID) != nil else { return }
        payment.itemChanges[itemID] = place
    }
}
