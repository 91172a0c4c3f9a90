import Application
import ArgumentParser
import Foundation
import Projections

extension ProjectionsCommand {
    /// `rcm projections status`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each projection's position and lag in each practice's log.",
            discussion: "Example:\n  rcm projections status --format json")

        @Option(help: "table, csv or json.")
        var format: String = "table"

        func validate() throws {
            guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or json") }
        }

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().projectionStatus()
                print(ReportFormat(rawValue: format)!.render(report), terminator: "")
            }
        }
    }
}
