import ArgumentParser
import EventStore
import Foundation
import Postgres
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

    /// The options every report takes.
    struct Options: ParsableArguments {
        @Option(help: "A practice's slug or id (default: every practice this login may see, with a total).")
        var tenant: String?

        @Option(name: .customLong("as-of"), help: "Answer as of this business date (YYYY-MM-DD), from the log.")
        var asOf: String?

        @Option(
            name: .customLong("known-at"),
            help: "Answer as known at this time (ISO 8601, e.g. 2026-07-05T17:00:00Z): later-recorded events are ignored.")
        var knownAt: String?

        @Option(help: "table, csv or json.")
        var format: String = "table"

        func validate() throws {
            guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or json") }
            if let asOf, asOf.count != 10 || asOf.split(separator: "-").count != 3 {
                throw ValidationError("--as-of wants a date as YYYY-MM-DD")
            }
            if let knownAt, Self.parseTime(knownAt) == nil {
                throw ValidationError("--known-at wants an ISO 8601 time with a zone, e.g. 2026-07-05T17:00:00Z")
            }
        }

        static func parseTime(_ text: String) -> Date? {
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return plain.date(from: text) ?? fractional.date(from: text)
        }

        func reportOptions(anchor: AgingAnchor = .service) -> ReportOptions {
            ReportOptions(tenant: tenant, asOf: asOf, knownAt: knownAt.flatMap(Self.parseTime), anchor: anchor)
        }

        /// Runs a report and prints it.
        func print(_ name: String, anchor: AgingAnchor = .service) async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let options = reportOptions(anchor: anchor)
                let report = try await connection.run { session in try Reports.run(name, options, in: session) }
                Swift.print(ReportFormat(rawValue: format)!.render(report), terminator: "")
            }
        }
    }

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

    /// `rcm report ar`.
    struct AR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ar", abstract: "Insurance and patient balances and credits by practice and payer.",
            discussion: "Example:\n  rcm report ar --as-of 2026-06-30 --known-at 2026-07-05T17:00:00Z")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("ar") }
    }

    /// `rcm report denials`.
    struct Denials: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open denials by practice, payer, reason and status, with amounts and due dates.",
            discussion: "Example:\n  rcm report denials --tenant acme-counseling --format json")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("denials") }
    }

    /// `rcm report kpis`.
    struct KPIs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract: "Monthly KPIs: days in A/R, clean-claim, first-pass, denial and net collection rates (live only).",
            discussion: "Definitions in docs/projections.md.\n\nExample:\n  rcm report kpis --tenant acme-counseling --format csv")

        @OptionGroup var options: Options

        func run() async throws { try await options.print("kpis") }
    }

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
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let (tenant, claim) = (self.tenant, self.claim)
                let report = try await connection.run { session -> Report in
                    guard let found = try TenantDirectory.find(tenant, in: session) else {
                        throw ProjectionError.unknownTenant(tenant)
                    }
                    return ClaimHistory.report(try ClaimHistory.load(tenant: found.id, claim: claim, in: session))
                }
                print(ReportFormat(rawValue: format)!.render(report), terminator: "")
            }
        }
    }
}
