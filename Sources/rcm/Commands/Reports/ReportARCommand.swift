import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report ar`.
    struct AR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ar", abstract: "Insurance and patient balances and credits by practice and payer.",
            discussion: "Example:\n  rcm report ar --as-of 2026-06-30 --known-at 2026-07-05T17:00:00Z")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("ar") }
    }
}
