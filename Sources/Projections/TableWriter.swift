import Postgres

/// Multi-row writes of projection rows: one `INSERT … SELECT FROM unnest($1…$n) ON CONFLICT` per table and
/// batch (COPY is refused under row-level security for non-owners). Values travel as text arrays, one per column.
enum TableWriter {
    /// A column's name and SQL type.
    typealias Column = (name: String, type: String)

    /// Inserts the rows, or replaces the non-key columns of those whose key exists.
    static func upsert(table: String, columns: [Column], key: [String], rows: [[String?]], in session: DatabaseSession) throws {
        guard !rows.isEmpty else { return }
        let names = columns.map(\.name)
        let updates = names.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let sql = SQL(
            "proj_upsert",
            "INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT * FROM \(unnest(columns)) "
                + "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates)",
            prepared: false)
        try session.query(sql, arrays(rows, count: columns.count))
    }

    /// `unnest($1::type[], …)` over the columns.
    static func unnest(_ columns: [Column]) -> String {
        "unnest(" + columns.enumerated().map { "$\($0.offset + 1)::\($0.element.type)[]" }.joined(separator: ", ") + ")"
    }

    /// Transposes rows into one array parameter per column.
    static func arrays(_ rows: [[String?]], count: Int) -> [SQLParameter] {
        (0..<count).map { column in SQLParameter.textArray(rows.map { $0[column] }) }
    }

    /// The column names, comma-separated, for a `SELECT`.
    static func list(_ columns: [Column]) -> String { columns.map(\.name).joined(separator: ", ") }
}
