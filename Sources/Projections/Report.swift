/// A report as rows of typed values, for the table, CSV and JSON renderers.
public struct Report: Sendable, Hashable {
    /// How a column's values print.
    public enum Kind: Sendable, Hashable {
        /// Text, left-aligned.
        case text
        /// Cents, printed `$1,234.56` for people and `1234.56` for machines.
        case money
        /// A whole number.
        case count
        /// A decimal such as a rate or a number of days (already rounded).
        case decimal
    }

    /// A column.
    public struct Column: Sendable, Hashable {
        /// Its name (CSV header and JSON key).
        public let name: String
        /// How its values print.
        public let kind: Kind

        /// A column.
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The report's name, e.g. `aging`.
    public var name: String
    /// The columns, in order.
    public var columns: [Column]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// A total row (money and counts summed), when the report covers several tenants.
    public var total: [Value]?

    /// A report.
    public init(name: String, columns: [Column], rows: [[Value]], total: [Value]? = nil) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.total = total
    }

    /// A value in a cell.
    public enum Value: Sendable, Hashable {
        /// Text.
        case text(String)
        /// Cents.
        case money(Int64)
        /// A whole number.
        case count(Int64)
        /// A decimal as exact text.
        case decimal(String)
        /// No value.
        case null
    }

    /// The same report with a total row: money and counts summed, `TOTAL` in the first column.
    public func withTotal() -> Report {
        var total: [Value] = columns.map { _ in .null }
        for (index, column) in columns.enumerated() {
            switch column.kind {
            case .money:
                total[index] = .money(rows.reduce(0) { if case .money(let v) = $1[index] { $0 + v } else { $0 } })
            case .count:
                total[index] = .count(rows.reduce(0) { if case .count(let v) = $1[index] { $0 + v } else { $0 } })
            case .text, .decimal: break
            }
        }
        if let first = columns.indices.first { total[first] = .text("TOTAL") }
        var copy = self
        copy.total = total
        return copy
    }
}
