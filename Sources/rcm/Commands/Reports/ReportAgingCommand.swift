import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report aging`.
    struct Aging: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open balances in 0–30, 31–60, 61–90, 91–120 and 121+ day buckets, insurance and patient apart, credits apart.",
            discussion: "Examples:\n  rcm report aging --tenant acme-counseling\n  rcm report aging --anchor submitted --as-of 2026-06-30 --format csv")

        @OptionGroup var options: Options

        @Option(help: "Age from: service (date of service), submitted (first submission to the current payer), activity (last activity).")
        var anchor: String = "service"

        func validate() throws {
            guard AgingAnchor(rawValue: anchor) != nil else {
                throw ValidationError("--anchor must be service, submitted or activity")
            }
        }

        func run() async throws { try await options.print("aging", anchor: AgingAnchor(rawValue: anchor)!) }
    }
}
