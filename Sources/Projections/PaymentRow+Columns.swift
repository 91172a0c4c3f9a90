import Billing
import Foundation

extension PaymentRow {
    /// `remittances`' columns, in table order.
    static let columns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("stream_id", "text"), ("payer_id", "text"), ("trace_number", "text"),
        ("payment_date", "date"), ("received_on", "date"), ("method", "text"), ("payee", "text"), ("amount", "bigint"),
        ("claims", "integer"), ("claims_posted", "integer"), ("posted_amount", "bigint"), ("unapplied_amount", "bigint"),
        ("claim_payments", "bigint"), ("plb_total", "bigint"), ("unapplied_open", "bigint"), ("unapplied_held", "bigint"),
        ("refunded", "bigint"), ("applied", "bigint"), ("state", "text"), ("reconciles", "boolean"), ("balanced", "boolean"),
        ("transaction_control_number", "text"), ("received_position", "bigint"), ("last_activity_on", "date"),
        ("last_position", "bigint"), ("received", "jsonb"),
    ]

    /// The `remittances` row (nil before `remittance.received`, which the fold never lets happen).
    func values() throws -> [String?]? {
        guard let received = ledger.received else { return nil }
        let json = String(decoding: try EventCodec.makeEncoder().encode(received), as: UTF8.self)
        return [
            tenantID, streamID, received.payerID.rawValue, received.traceNumber, received.paymentDate?.description, receivedOn,
            received.method, received.payee, String(received.amount.cents), String(received.claims), String(claimsPosted),
            String(ledger.postedToClaims.cents), String(ledger.keptUnapplied.cents), String(ledger.claimPayments.cents),
            String(ledger.providerAdjustmentTotal.cents), String(ledger.openAmount.cents), String(ledger.heldAmount.cents),
            String(ledger.refundedAmount.cents), String(appliedAmount.cents), ledger.state.rawValue, String(ledger.reconciles),
            String(received.balanced), received.transactionControlNumber, String(receivedPosition), lastActivityOn,
            String(lastPosition), json,
        ]
    }

    /// `remittance_plb`'s columns, in table order.
    static let plbColumns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("stream_id", "text"), ("seq", "integer"), ("payer_id", "text"), ("trace_number", "text"),
        ("provider_id", "text"), ("fiscal_period_date", "date"), ("reason", "text"), ("reference", "text"), ("amount", "bigint"),
        ("kind", "text"), ("claim_number", "text"), ("position", "bigint"),
    ]

    /// The `remittance_plb` rows, in file order.
    var plbValues: [[String?]] {
        ledger.providerAdjustments.enumerated().map { index, plb in
            [
                tenantID, streamID, String(index + 1), ledger.received?.payerID.rawValue, ledger.received?.traceNumber,
                plb.providerID, plb.fiscalPeriodDate.description, plb.reason, plb.reference, String(plb.amount.cents),
                plb.kind.rawValue, plb.claimNumber?.rawValue, plbPositions.indices.contains(index) ? String(plbPositions[index]) : nil,
            ]
        }
    }

    /// `remittance_unapplied`'s columns, in table order.
    static let unappliedColumns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("stream_id", "text"), ("item_id", "text"), ("seq", "integer"), ("payer_id", "text"),
        ("trace_number", "text"), ("patient_control_number", "text"), ("status_code", "text"), ("payer_claim_number", "text"),
        ("line_control_number", "text"), ("procedure_code", "text"), ("charge", "bigint"), ("paid", "bigint"), ("reason", "text"),
        ("state", "text"), ("note", "text"), ("last_activity_on", "date"), ("last_position", "bigint"),
    ]

    /// The `remittance_unapplied` rows, in file order.
    var unappliedValues: [[String?]] {
        ledger.items.enumerated().map { index, item in
            let entry = item.entry
            let changed = itemChanges[item.itemID]
            return [
                tenantID, streamID, item.itemID, String(index + 1), ledger.received?.payerID.rawValue, ledger.received?.traceNumber,
                entry.patientControlNumber, entry.statusCode, entry.payerClaimNumber, entry.lineControlNumber, entry.procedureCode,
                String(entry.charge.cents), String(entry.paid.cents), entry.reason, item.state.rawValue, item.note,
                changed?.effectiveDate, changed.map { String($0.position) },
            ]
        }
    }
}
