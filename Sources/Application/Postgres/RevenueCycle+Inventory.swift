import Foundation
import Postgres

extension RevenueCycle {
    static let inventoryColumnsSQL = SQL(
        "inventory_columns",
        """
        SELECT n.nspname || '.' || c.relname AS relation, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname LIKE 'rcm%'
          AND format_type(a.atttypid, a.atttypmod) ~ $1
        ORDER BY 1, 2
        """, prepared: false)

    /// The PHI inventory (`DataInventory`) against the database's catalog: every column that can hold text,
    /// bytes, JSON or dates with what it was declared to hold, and the declarations the database lacks.
    public func inventory() async throws -> InventoryReport {
        try await postgres.run { session in
            var seen: Set<String> = []
            let declared = Dictionary(uniqueKeysWithValues: DataInventory.tables.map { ($0.name, $0.columns) })
            let columns = try session.query(Self.inventoryColumnsSQL, [DataInventory.phiCapableTypes]).rows.map { row in
                let relation: String = try row.decode("relation"), column: String = try row.decode("column_name")
                seen.insert("\(relation).\(column)")
                return InventoryReport.Column(name: "\(relation).\(column)", type: try row.decode("type"), holding: declared[relation]?[column])
            }
            let missing = DataInventory.tables.flatMap { table in table.columns.keys.map { "\(table.name).\($0)" } }.filter { !seen.contains($0) }.sorted()
            return InventoryReport(columns: columns, missing: missing)
        }
    }
}
