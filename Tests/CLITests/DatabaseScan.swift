import Foundation
import Postgres

/// Every column of every table of a test database, read as text, searched for planted values.
///
/// The tables and columns come from the catalog (`pg_class`, `pg_attribute`), so a table or column added
/// later is scanned without a change here. `bytea` is read with `encode(…, 'escape')` (ASCII stays as it is);
/// every other type with its text form. The search ignores case.
struct DatabaseScan {
    let connection: Connection

    /// One place a planted value was found.
    struct Finding: CustomStringConvertible, Equatable {
        var column: String
        var value: String
        var description: String { "\(value) in \(column)" }
    }

    static let columnsSQL = SQL(
        "scan_columns",
        """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS relation, quote_ident(a.attname) AS column_name,
               format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind IN ('r', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
        ORDER BY 1, 2
        """)

    /// How many columns the catalog lists (a scan that reads nothing must not pass).
    func columnCount() async throws -> Int { try await connection.query(Self.columnsSQL).rows.count }

    /// Every (column, value) where a column holds one of `values`.
    func find(_ values: [String]) async throws -> [Finding] {
        var findings: [Finding] = []
        for (index, row) in try await connection.query(Self.columnsSQL).rows.enumerated() {
            let relation: String = try row.decode("relation"), column: String = try row.decode("column_name"), type: String = try row.decode("type")
            let text = type == "bytea" ? "encode(\(column), 'escape')" : "\(column)::text"
            let sql = SQL(
                "scan_\(index)",
                """
                SELECT n.needle FROM unnest($1::text[]) AS n (needle)
                WHERE EXISTS (SELECT 1 FROM \(relation) WHERE strpos(lower(\(text)), lower(n.needle)) > 0)
                """)
            for hit in try await connection.query(sql, [SQLParameter.textArray(values)]).rows {
                findings.append(Finding(column: "\(relation).\(column)", value: try hit.decode("needle")))
            }
        }
        return findings
    }
}
