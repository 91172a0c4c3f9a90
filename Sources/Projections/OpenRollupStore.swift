import Billing
import Postgres

/// Writes a batch's changes to `ar_open_rollup` (decision 0304): adds them, then deletes the rows whose claims went
/// to zero, so that a rebuild, which never sees those rows, gives the same table (as `ar_open` is kept).
struct OpenRollupStore {
    let tables: ProjectionTables

    static let columns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("anchor", "text"), ("grain", "integer"), ("period_start", "date"), ("side", "text"),
        ("payer_id", "text"), ("rendering_provider", "text"), ("open_amount", "bigint"), ("credit_amount", "bigint"),
        ("claims", "bigint"), ("claims_once", "bigint"),
    ]

    /// The key columns but tenant_id, in the order of the prune's arrays.
    static let keyColumns: [TableWriter.Column] = Array(columns[1...6])

    /// Adds the fold's changes and prunes the emptied rows. Nothing for an as-of replay (no rollup there).
    func write(_ fold: ClaimsFold, in session: DatabaseSession) throws {
        guard let table = tables.openRollup else { return }
        let changes = fold.openRollupChanges().sorted { $0.key < $1.key }
        guard !changes.isEmpty else { return }
        let rows: [[String?]] = changes.map { key, amounts in
            let values: [String?] = [String(amounts.open), String(amounts.credit), String(amounts.claims), String(amounts.once)]
            let tenant: [String?] = [fold.tenantID]
            return tenant + Self.keyValues(key) + values
        }
        let names = Self.columns.map(\.name)
        let key = names.prefix(7).joined(separator: ", ")
        let sums = names.suffix(4).map { "\($0) = t.\($0) + excluded.\($0)" }.joined(separator: ", ")
        let add = SQL(
            "proj_add_open_rollup",
            "INSERT INTO \(table) AS t (\(names.joined(separator: ", "))) SELECT * FROM \(TableWriter.unnest(Self.columns)) "
                + "ON CONFLICT (\(key)) DO UPDATE SET \(sums)",
            prepared: false)
        try session.query(add, TableWriter.arrays(rows, count: Self.columns.count))

        // Only a row whose claims went down can have reached zero.
        let shrunk = changes.filter { $0.value.claims < 0 }.map { Self.keyValues($0.key) }
        guard !shrunk.isEmpty else { return }
        let keys = TableWriter.arrays(shrunk, count: Self.keyColumns.count)
        let arrays = Self.keyColumns.enumerated().map { "$\($0.offset + 2)::\($0.element.type)[]" }.joined(separator: ", ")
        guard table == ProjectionTables.live.openRollup else {
            let prune = SQL(
                "proj_prune_open_rollup",
                "DELETE FROM \(table) WHERE tenant_id = $1::uuid AND claims = 0 AND ("
                    + Self.keyColumns.map(\.name).joined(separator: ", ") + ") IN (SELECT * FROM unnest(\(arrays)))",
                prepared: false)
            try session.query(prune, [SQLParameter(text: fold.tenantID)] + keys)
            return
        }
        // The live table is pruned through a definer function (staff hold no DELETE on shared tables), one tenant per
        // call, delegated to the tenant's worker on Citus (V0020, as prune_ar_open in V0016).
        let prune = SQL("proj_prune_open_rollup_live", "SELECT rcm_analytics_store.prune_ar_open_rollup($1::uuid, \(arrays))")
        try session.query(prune, [SQLParameter(text: fold.tenantID)] + keys)
    }

    /// A key's columns but tenant_id, as text.
    static func keyValues(_ key: OpenRollup.Key) -> [String?] {
        [key.anchor.rawValue, String(key.grain), LocalDate(daysSinceEpoch: key.start).description, key.side.rawValue, key.payerID, key.provider]
    }
}
