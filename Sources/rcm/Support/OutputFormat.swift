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
