import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// The options every report takes.
    struct Options: ParsableArguments {
        @Option(help: "A practice's slug or id (default: every practice this login may see, with a total).")
        var tenant: String?

        @Option(name: .customLong("as-of"), help: "Answer as of this business date (YYYY-MM-DD), from the log.")
        var asOf: String?

        @Option(
            name: .customLong("known-at"),
            help: "Answer as known at this time (ISO 8601, e.g. 2026-07-05T17:00:00Z): later-recorded events are ignored.")
        var knownAt: String?

        @Option(help: "table, csv or json.")
        var format: String = "table"

        func validate() throws {
            guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or json") }
            if let asOf, asOf.count != 10 || asOf.split(separator: "-").count != 3 {
                throw ValidationError("--as-of wants a date as YYYY-MM-DD")
            }
            if let knownAt, Self.parseTime(knownAt) == nil {
                throw ValidationError("--known-at wants an ISO 8601 time with a zone, e.g. 2026-07-05T17:00:00Z")
            }
        }

        static func parseTime(_ text: String) -> Date? {
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return plain.date(from: text) ?? fractional.date(from: text)
        }

        func reportOptions(anchor: AgingAnchor = .service) -> ReportOptions {
            ReportOptions(tenant: tenant, asOf: asOf, knownAt: knownAt.flatMap(Self.parseTime), anchor: anchor)
        }

        /// Runs a report and prints it.
        func print(_ name: String, anchor: AgingAnchor = .service) async throws {
            try await reportingFailures {
                let report = try await Core.connect().report(name, options: reportOptions(anchor: anchor))
                Swift.print(ReportFormat(rawValue: format)!.render(report), terminator: "")
            }
        }
    }
}
