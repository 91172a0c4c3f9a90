import Application
import ArgumentParser
import Foundation
import Projections

/// `rcm report …`: aging, A/R, denials, KPIs and a claim's history, as tables, CSV or JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report aging, A/R, denials and monthly KPIs, or a claim's history.",
        discussion: """
            Without --tenant a report covers every practice this login may see, with a total row. \
            --as-of and --known-at answer from the log rather than the live tables.

            Examples:
              rcm report aging --tenant acme-counseling
              rcm report aging --as-of 2026-06-30 --known-at 2026-07-05T17:00:00Z --format csv
              rcm report claim RC-1001 --tenant acme-counseling
            """,
        subcommands: [Aging.self, AR.self, Denials.self, KPIs.self, ClaimHistoryReport.self]
    )
}
