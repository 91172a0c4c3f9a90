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

        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().projectionStatus()
                print(output.format.report.render(report), terminator: "")
            }
        }
    }
}
