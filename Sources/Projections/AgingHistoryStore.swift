import Postgres

/// Reads and writes `aging_history` in one set of tables.
struct AgingHistoryStore {
    let tables: ProjectionTables

    /// Loads every range of the given claims of one tenant into a fold.
    func load(tenant: String, claims ids: [String], into fold: inout AgingHistoryFold, in session: DatabaseSession) throws {
        guard !ids.isEmpty else { return }
        let sql = SQL(
            "proj_load_aging_\(tables.agingHistory)",
            "SELECT \(TableWriter.list(AgingHistoryRow.columns)) FROM \(tables.agingHistory) "
                + "WHERE tenant_id = $1 AND claim_id = ANY($2::text[]) ORDER BY claim_id, valid_from",
            prepared: false)
        for row in try session.query(sql, [SQLParameter(text: tenant), SQLParameter.textArray(ids)]).rows {
            var state = AgingState()
            state.payerID = try row.decode("payer_id")
            state.renderingProvider = try row.decode("rendering_provider")
            state.serviceDate = try row.decode("service_date")
            state.createdOn = try row.decode("created_on")
            state.payerSubmittedOn = try row.decodeIfPresent("payer_submitted_on")
            state.patientBilledOn = try row.decodeIfPresent("patient_billed_on")
            state.lastActivityOn = try row.decode("last_activity_on")
            state.insuranceBalance = try row.decode("insurance_balance")
            state.patientBalance = try row.decode("patient_balance")
            let until: String = try row.decode("valid_until")
            let loaded = AgingHistoryRow(
                tenantID: try row.decode("tenant_id"), claimID: try row.decode("claim_id"), validFrom: try row.decode("valid_from"),
                validUntil: until == AgingHistoryRow.openEnded ? nil : until, state: state)
            fold.claims[loaded.claimID, default: []].append(loaded)
        }
    }

    /// Writes the ranges the fold changed or added (ranges are only ever split, never removed).
    func write(_ fold: AgingHistoryFold, in session: DatabaseSession) throws {
        try TableWriter.upsert(
            table: tables.agingHistory, columns: AgingHistoryRow.columns, key: ["tenant_id", "claim_id", "valid_from"],
            rows: fold.dirtyRows.map(\.values), in: session)
    }
}
