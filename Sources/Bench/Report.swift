import Foundation

/// The table printed at the end of a run and the same figures as JSON (`bench/results.json`).
enum Report {
    /// A figure resolved against its limit: ratio and pass or miss.
    struct Row: Encodable {
        let id: String
        let figure: String
        let value: Double
        let unit: String
        let p50_ms: Double?
        let p99_ms: Double?
        let limit: String?
        let limit_value: Double?
        let ratio: Double?
        /// Each round's ratio, when the figure and its limit alternated round by round.
        let paired_ratios: [Double]?
        let target: Target?
        let target_text: String?
        let result: String?
        let details: [String: Double]
        let note: String?
    }

    static func rows(_ figures: [Figure]) -> [Row] {
        figures.map { figure in
            let limit = figure.limit.flatMap { id in figures.last { $0.id == id } }
            let ratio = figure.pairedRatios.map(median) ?? limit.flatMap { $0.value > 0 ? figure.value / $0.value : nil }
            let passes = figure.target?.passes(value: figure.value, ratio: ratio)
            return Row(
                id: figure.id, figure: figure.name, value: figure.value, unit: figure.unit, p50_ms: figure.p50Milliseconds,
                p99_ms: figure.p99Milliseconds, limit: figure.limit, limit_value: limit?.value, ratio: ratio, paired_ratios: figure.pairedRatios,
                target: figure.target, target_text: figure.target?.description,
                result: passes.map { $0 ? "pass" : "miss" }, details: figure.details, note: figure.note)
        }
    }

    /// The table, in Markdown (it goes into docs/benchmarks.md as printed).
    static func table(_ rows: [Row]) -> String {
        var lines = [
            "| figure | value | p50 / p99 | limit | ratio | target | result |",
            "|---|--:|--:|--:|--:|---|---|",
        ]
        for row in rows {
            let latency = row.p50_ms.map { p50 in "\(milliseconds(p50)) / \(milliseconds(row.p99_ms ?? 0)) ms" } ?? ""
            let limit = row.limit_value.map { "\(number($0)) (\(row.limit!))" } ?? ""
            let ratio = row.ratio.map { String(format: "%.0f%%", $0 * 100) } ?? ""
            lines.append(
                "| \(row.figure) | \(number(row.value)) \(row.unit) | \(latency) | \(limit) | \(ratio) | \(row.target_text ?? "") | \(row.result ?? "") |"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A rate or size with thousands separators, or a few significant digits when small.
    static func number(_ value: Double) -> String {
        if value >= 100 {
            let rounded = Int(value.rounded())
            var digits = Array(String(rounded))
            var index = digits.count - 3
            while index > 0 {
                digits.insert(",", at: index)
                index -= 3
            }
            return String(digits)
        }
        return String(format: value >= 10 ? "%.1f" : "%.2f", value)
    }

    static func milliseconds(_ value: Double) -> String { String(format: value >= 10 ? "%.1f" : "%.2f", value) }

    /// Everything `bench/results.json` holds.
    struct Document: Encodable {
        let generated_at: String
        let scale: Scale
        let command: String
        let git_commit: String?
        let machine: MachineInfo
        let postgres: [String: String]
        let figures: [Row]
        let phases: [Phase]
        let process_peak_rss_megabytes: Double
        let total_seconds: Double
    }

    struct MachineInfo: Encodable {
        let cores: Int
        let memory_bytes: UInt64
        let cpu_model: String
        let load_average_start: [Double]
        let load_average_end: [Double]
    }

    struct Phase: Encodable {
        let name: String
        let seconds: Double
        let process_peak_rss_megabytes_after: Double
    }

    static func json(_ document: Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
