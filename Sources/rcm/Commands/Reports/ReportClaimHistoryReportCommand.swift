import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report claim CLAIM`.
    struct ClaimHistoryReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "A claim's whole history: each event with actor, times, source, reason and the balance after it.",
            discussion: "Example:\n  rcm report claim C4F1C0A9E2B7D --tenant acme-counseling")

        @Argument(help: "The claim number (CLM01) or claim id.")
        var claim: String

        @Option(help: "The practice's slug or id.")
        var tenant: String

        @Option(help: "table, csv or json.")
        var format: String = "table"

        func validate() throws {
            guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or json") }
        }

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().claimHistory(claim, tenant: tenant)
                print(ReportFormat(rawValue: format)!.render(report), terminator: "")
            }
        }
    }
}
