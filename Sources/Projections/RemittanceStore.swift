import Billing
import Foundation
import Postgres

/// Reads and writes the remittance tables (`remittances`, `remittance_plb`, `remittance_unapplied`).
struct RemittanceStore {
    let tables: ProjectionTables

    /// Loads the payments of streams the batch has later events of: each one's ledger is restored by
    /// replaying, through `RemittanceLedger.apply`, the facts its rows record.
    func load(tenant: String, streams ids: [String], into fold: inout RemittanceFold, in session: DatabaseSession) throws {
        guard !ids.isEmpty else { return }
        let parameters = [SQLParameter(text: tenant), SQLParameter.textArray(ids)]
        let paymentsSQL = SQL(
            "proj_load_payments_\(tables.remittances)",
            "SELECT stream_id, received_on, received_position, last_activity_on, last_position, received::text AS received FROM \(tables.remittances) WHERE tenant_id = $1 AND stream_id = ANY($2::text[])",
            prepared: false)
        for row in try session.query(paymentsSQL, parameters).rows {
            let stream: String = try row.decode("stream_id")
            let place = LogPlace(position: try row.decode("received_position"), streamID: stream, effectiveDate: try row.decode("received_on"))
            var payment = PaymentRow(tenantID: tenant, streamID: stream, receivedAt: place)
            let text: String = try row.decode("received")
            do {
                payment.ledger.apply(.received(try JSONDecoder().decode(RemittanceEvent.Received.self, from: Data(text.utf8))))
            } catch {
                throw ProjectionError.malformedRow("\(tables.remittances).received")
            }
            payment.lastActivityOn = try row.decode("last_activity_on")
            payment.lastPosition = try row.decode("last_position")
            fold.payments[stream] = payment
        }
        try loadAdjustments(parameters, into: &fold, in: session)
        try loadItems(parameters, into: &fold, in: session)
    }

    private func loadAdjustments(_ parameters: [SQLParameter], into fold: inout RemittanceFold, in session: DatabaseSession) throws {
        let sql = SQL(
            "proj_load_plb_\(tables.remittancePLB)",
            "SELECT \(TableWriter.list(PaymentRow.plbColumns)) FROM \(tables.remittancePLB) WHERE tenant_id = $1 AND stream_id = ANY($2::text[]) ORDER BY stream_id, seq",
            prepared: false)
        for row in try session.query(sql, parameters).rows {
            let stream: String = try row.decode("stream_id")
            guard var payment = fold.payments[stream] else { continue }
            let adjustment = RemittanceEvent.ProviderAdjustment(
                providerID: try row.decode("provider_id"),
                fiscalPeriodDate: try ClaimsStore.stored("fiscal_period_date", row, LocalDate.init),
                reason: try row.decode("reason"), reference: try row.decodeIfPresent("reference"),
                amount: Money(cents: try row.decode("amount")), kind: try ClaimsStore.stored("kind", row, ProviderAdjustmentKind.init(rawValue:)),
                claimNumber: try row.decodeIfPresent("claim_number", as: String.self).flatMap(ClaimNumber.init))
            payment.ledger.apply(.providerAdjustment(adjustment))
            payment.plbPositions.append(try row.decode("position"))
            fold.payments[stream] = payment
        }
    }

    private func loadItems(_ parameters: [SQLParameter], into fold: inout RemittanceFold, in session: DatabaseSession) throws {
        let sql = SQL(
            "proj_load_unapplied_\(tables.remittanceUnapplied)",
            "SELECT \(TableWriter.list(PaymentRow.unappliedColumns)) FROM \(tables.remittanceUnapplied) WHERE tenant_id = $1 AND stream_id = ANY($2::text[]) ORDER BY stream_id, seq",
            prepared: false)
        for row in try session.query(sql, parameters).rows {
            let stream: String = try row.decode("stream_id")
            guard var payment = fold.payments[stream] else { continue }
            let itemID: String = try row.decode("item_id")
            let entry = RemittanceEvent.Unapplied(
                patientControlNumber: try row.decode("patient_control_number"), statusCode: try row.decode("status_code"),
                payerClaimNumber: try row.decodeIfPresent("payer_claim_number"), lineControlNumber: try row.decodeIfPresent("line_control_number"),
                procedureCode: try row.decodeIfPresent("procedure_code"), charge: Money(cents: try row.decode("charge")),
                paid: Money(cents: try row.decode("paid")), reason: try row.decode("reason"), itemID: itemID)
            payment.ledger.apply(.unapplied(entry))
            if let work = try Self.work(on: itemID, state: try ClaimsStore.stored("state", row, RemittanceLedger.ItemState.init(rawValue:)),
                                        note: try row.decodeIfPresent("note"), paid: entry.paid) {
                payment.ledger.apply(work)
            }
            payment.itemChanges[itemID] = LogPlace(
                position: try row.decode("last_position"), streamID: stream, effectiveDate: try row.decode("last_activity_on"))
            fold.payments[stream] = payment
        }
    }

    /// The work event that leaves an item in a state with its note (none for an open item).
    static func work(on itemID: String, state: RemittanceLedger.ItemState, note: String?, paid: Money) throws -> RemittanceEvent? {
        switch state {
        case .open: return nil
        case .held: return .itemHeld(.init(itemID: itemID, reason: note ?? ""))
        case .refunded: return .itemRefunded(.init(itemID: itemID, amount: paid, reference: note ?? ""))
        case .applied:
            guard let number = note.flatMap(ClaimNumber.init) else { throw ProjectionError.malformedRow("remittance_unapplied.note") }
            return .itemApplied(.init(itemID: itemID, claimNumber: number, paid: paid))
        }
    }

    /// Writes every row of the payments the batch changed.
    func write(_ fold: RemittanceFold, in session: DatabaseSession) throws {
        let payments = fold.dirty.sorted().compactMap { fold.payments[$0] }
        try TableWriter.upsert(
            table: tables.remittances, columns: PaymentRow.columns, key: ["tenant_id", "stream_id"],
            rows: try payments.compactMap { try $0.values() }, in: session)
        try TableWriter.upsert(
            table: tables.remittancePLB, columns: PaymentRow.plbColumns, key: ["tenant_id", "stream_id", "seq"],
            rows: payments.flatMap(\.plbValues), in: session)
        try TableWriter.upsert(
            table: tables.remittanceUnapplied, columns: PaymentRow.unappliedColumns, key: ["tenant_id", "stream_id", "item_id"],
            rows: payments.flatMap(\.unappliedValues), in: session)
    }
}
