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

        @OptionGroup var practice: TenantOption

        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().claimHistory(claim, tenant: practice.tenant, forPeople: output.format == .table)
                print(output.format.report.render(report), terminator: "")
            }
        }
    }
}
