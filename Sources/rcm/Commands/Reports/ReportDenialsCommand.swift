import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report denials`.
    struct Denials: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open denials by practice, payer, reason and status, with amounts and due dates.",
            discussion: "Example:\n  rcm report denials --tenant acme-counseling --format json")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("denials") }
    }
}
