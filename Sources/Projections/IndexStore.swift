import Postgres

/// Reads and writes the index tables (`claim_index`, `session_index`, `account_index`) in one set of tables.
struct IndexStore {
    let tables: ProjectionTables

    /// Loads the rows of sessions logged before the batch that it corrects, voids or puts on a claim.
    func load(tenant: String, sessions ids: [String], into fold: inout IndexFold, in session: DatabaseSession) throws {
        guard !ids.isEmpty else { return }
        let sql = SQL(
            "proj_load_sessions_\(tables.sessionIndex)",
            "SELECT \(TableWriter.list(SessionIndexRow.columns)) FROM \(tables.sessionIndex) WHERE tenant_id = $1 AND session_id = ANY($2::text[])",
            prepared: false)
        for row in try session.query(sql, [SQLParameter(text: tenant), SQLParameter.textArray(ids)]).rows {
            let loaded = SessionIndexRow(
                tenantID: try row.decode("tenant_id"), sessionID: try row.decode("session_id"), patientKey: try row.decode("patient_key"),
                dateOfService: try row.decode("date_of_service"), voided: try row.decode("voided"), loggedOn: try row.decode("logged_on"),
                loggedPosition: try row.decode("logged_position"), lastPosition: try row.decode("last_position"),
                claimID: try row.decodeIfPresent("claim_id"), rendering: try row.decodeIfPresent("rendering"))
            fold.sessions[loaded.sessionID] = loaded
        }
    }

    /// Writes the claims and accounts added and the sessions changed.
    func write(_ fold: IndexFold, in session: DatabaseSession) throws {
        try TableWriter.upsert(
            table: tables.claimIndex, columns: ClaimIndexRow.columns, key: ["tenant_id", "claim_id"],
            rows: fold.claims.values.sorted { $0.position < $1.position }.map(\.values), in: session)
        try TableWriter.upsert(
            table: tables.accountIndex, columns: AccountIndexRow.columns, key: ["tenant_id", "patient_key"],
            rows: fold.accounts.values.sorted { $0.position < $1.position }.map(\.values), in: session)
        try TableWriter.upsert(
            table: tables.sessionIndex, columns: SessionIndexRow.columns, key: ["tenant_id", "session_id"],
            rows: fold.dirtySessions.sorted().compactMap { fold.sessions[$0]?.values }, in: session)
    }
}
