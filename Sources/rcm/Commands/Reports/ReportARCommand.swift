import Application
import ArgumentParser
import Foundation
import Projections

extension ReportCommand {
    /// `rcm report ar`.
    struct AR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ar", abstract: "Insurance and patient balances, credits and payer credits by practice and payer.",
            discussion: """
                payer_credit is the payer's 835 money not applied to a claim (open or held in rcm era list), owed back to \
                the payer until it is applied or refunded; it is negative like credits, and net = insurance + patient + \
                credits + payer_credit. A payer with such money and no open claim has a row of its own.

                Example:
                  rcm report ar --as-of 2026-06-30 --known-at 2026-07-05T17:00:00Z
                """)

        @OptionGroup var options: Options

        func run() async throws { try await options.print("ar") }
    }
}
