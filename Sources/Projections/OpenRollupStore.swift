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

    // The statements' fixed parts, made once from the column list: identifiers and placeholders only, never a value
    // (the values are bound as the arrays `$1…`).
    /// `INSERT … (<columns>) SELECT * FROM unnest(<arrays>) ON CONFLICT (<key>) DO UPDATE SET <sums>` after the table.
    static let addText: String = {
        let names = columns.map(\.name)
        let sums = names.suffix(4).map { "\($0) = t.\($0) + excluded.\($0)" }.joined(separator: ", ")
        return " AS t (\(names.joined(separator: ", "))) SELECT * FROM \(TableWriter.unnest(columns)) "
            + "ON CONFLICT (\(names.prefix(7).joined(separator: ", "))) DO UPDATE SET \(sums)"
    }()
    /// The key arrays of a prune, `$2::text[], …` (`$1` is the tenant).
    static let keyArrays = keyColumns.enumerated().map { "$\($0.offset + 2)::\($0.element.type)[]" }.joined(separator: ", ")
    /// The prune of emptied rows after the table.
    static let pruneText = " WHERE tenant_id = $1::uuid AND claims = 0 AND (" + keyColumns.map(\.name).joined(separator: ", ")
        + ") IN (SELECT * FROM unnest(" + keyArrays + "))"
    /// The live table's prune, through its definer function (staff hold no DELETE on shared tables).
    static let livePruneSQL = SQL("proj_prune_open_rollup_live", "SELECT rcm_analytics_store.prune_ar_open_rollup($1::uuid, " + keyArrays + ")")

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
        try session.query(
            SQL("proj_add_open_rollup", "INSERT INTO " + table + Self.addText, prepared: false), TableWriter.arrays(rows, count: Self.columns.count))

        // Only a row whose claims went down can have reached zero.
        let shrunk = changes.filter { $0.value.claims < 0 }.map { Self.keyValues($0.key) }
        guard !shrunk.isEmpty else { return }
        let parameters = [SQLParameter(text: fold.tenantID)] + TableWriter.arrays(shrunk, count: Self.keyColumns.count)
        guard table == ProjectionTables.live.openRollup else {
            try session.query(SQL("proj_prune_open_rollup", "DELETE FROM " + table + Self.pruneText, prepared: false), parameters)
            return
        }
        // The live table is pruned one tenant per call, delegated to the tenant's worker on Citus (V0020, as
        // prune_ar_open in V0016).
        try session.query(Self.livePruneSQL, parameters)
    }

    /// A key's columns but tenant_id, as text.
    static func keyValues(_ key: OpenRollup.Key) -> [String?] {
        [key.anchor.rawValue, String(key.grain), LocalDate(daysSinceEpoch: key.start).description, key.side.rawValue, key.payerID, key.provider]
    }
}
