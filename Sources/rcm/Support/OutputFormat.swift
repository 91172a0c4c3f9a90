import ArgumentParser
import Projections

/// `--format`: for people (`table`) or machines (`csv`, `json`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json

    /// The same format for a report.
    var report: ReportFormat {
        switch self {
        case .table: .table
        case .csv: .csv
        case .json: .json
        }
    }
}

/// `--format` where a command prints a report or a key/value view, not rows a spreadsheet reads: `table` (text for
/// people) or `json`. CSV is not offered, so `--format csv` is a usage error (exit 64).
enum TableOrJSON: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json

    /// The same format for a renderer that also knows CSV.
    var output: OutputFormat {
        switch self {
        case .table: .table
        case .json: .json
        }
    }
}
