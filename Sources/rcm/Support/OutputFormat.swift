import ArgumentParser

/// `--format`: for people (`table`) or machines (`csv`, `json`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}
