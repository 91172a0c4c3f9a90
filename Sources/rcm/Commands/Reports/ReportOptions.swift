import Application
import ArgumentParser
import Billing
import Foundation
import Projections

extension ReportCommand {
    /// The options every report takes.
    struct Options: ParsableArguments {
        @Option(help: "A practice's slug or id (default: every practice this login may see, with a total).")
        var tenant: String?

        @Option(name: .customLong("as-of"), help: "Answer as of this business date (YYYY-MM-DD), from the log.")
        var asOf: LocalDate?

        @Option(
            name: .customLong("known-at"),
            help: "Answer as known at this time (ISO 8601, e.g. 2026-07-05T17:00:00Z): later-recorded events are ignored.")
        var knownAt: Instant?

        @OptionGroup var output: FormatOption

        func reportOptions(anchor: AgingAnchor = .service) -> ReportOptions {
            ReportOptions(tenant: tenant, asOf: asOf?.description, knownAt: knownAt?.date, anchor: anchor)
        }

        /// Runs a report and prints it.
        func print(_ name: String, anchor: AgingAnchor = .service) async throws {
            try await reportingFailures {
                let report = try await Core.connect().report(name, options: reportOptions(anchor: anchor))
                Swift.print(output.format.report.render(report), terminator: "")
            }
        }
    }
}
