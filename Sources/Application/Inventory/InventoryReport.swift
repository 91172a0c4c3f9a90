/// The inventory set against the live database: what is declared, and what is not.
public struct InventoryReport: Sendable {
    /// One column of the database that can hold PHI, as declared.
    public struct Column: Sendable {
        /// `schema.table.column`.
        public var name: String
        /// Its PostgreSQL type.
        public var type: String
        /// What it holds; nil when nobody declared it.
        public var holding: DataInventory.Holding?
    }

    /// Every column of the database that can hold text, bytes, JSON or dates.
    public var columns: [Column]
    /// Declared columns the database does not have (a declaration left behind).
    public var missing: [String]

    /// Columns nobody declared: a migration added them without saying whether they hold PHI.
    public var undeclared: [Column] { columns.filter { $0.holding == nil } }

    /// Lines for `rcm admin inventory`.
    public func lines(all: Bool) -> [String] {
        var lines = ["kinds:"] + DataInventory.Holding.allCases.filter { all || $0.isPHI }.map { "  \($0.label): \($0.rawValue)" }
        lines.append("stores (database columns that can hold text, bytes, JSON or dates\(all ? "" : "; PHI and what derives from it")):")
        for column in columns where all || column.holding?.isPHI ?? true {
            lines.append("  \(column.name) (\(column.type)): \(column.holding?.label ?? "UNDECLARED: declare it in DataInventory.tables")")
        }
        lines.append("outputs (files, streams, logs, messages):")
        for output in DataInventory.outputs { lines.append("  [\(output.kind)] \(output.source): \(output.carries)") }
        for name in missing { lines.append("declared but not in the database: \(name)") }
        return lines
    }
}
