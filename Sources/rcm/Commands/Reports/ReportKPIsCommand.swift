import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report kpis`.
    struct KPIs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract: "Monthly KPIs: days in A/R, clean-claim, first-pass, denial and net collection rates (live only).",
            discussion: "Definitions in docs/projections.md.\n\nExample:\n  rcm report kpis --tenant acme-counseling --format csv")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("kpis") }
    }
}
