import ArgumentParser
import Foundation
import Postgres
import Projections

/// `rcm projections …`: status, rebuild and live following of the projections.
struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Show, rebuild or run the projections (claim status, denials, A/R activity).",
        subcommands: [Status.self, Rebuild.self, Run.self]
    )

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
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let statuses = try await connection.run { session in try ProjectionStatus.load(in: session) }
                print(ReportFormat(rawValue: format)!.render(ProjectionStatus.report(statuses)), terminator: "")
            }
        }
    }

    /// `rcm projections rebuild [NAME]`.
    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay the log from zero into new tables and switch them in atomically.",
            discussion: """
                Readers keep the old tables until the switch; the analyst views, grants and row-level \
                policies carry over. Shows a progress bar on a terminal, plain lines otherwise. Needs an \
                owner login: a rebuild must see every practice.

                Example:
                  rcm projections rebuild claims
                """)

        @Argument(help: "The projection (claims, or all).")
        var name: String?

        @Option(help: "Events per transaction.")
        var batchSize: Int = 5000

        @Option(help: "Connections replaying practices in parallel.")
        var jobs: Int = 2

        func validate() throws {
            guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
            guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 32") }
        }

        func run() async throws {
            try await reportingFailures {
                let names = try Projections.resolve(name)
                let printer = ProgressPrinter()
                let label = names.joined(separator: ",")
                let started = Date()
                let done = try await ProjectionRebuild(batchSize: batchSize).run(
                    settings: DatabaseLocator.settings(), jobs: jobs
                ) { printer.update($0, label: label) }
                printer.finish()
                let seconds = Date().timeIntervalSince(started)
                print("rebuilt \(names.joined(separator: ", ")) over \(done) events in \(String(format: "%.1f", seconds)) s and switched")
            }
        }
    }

    /// `rcm projections run`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catch the projections up, then follow the log (notifications on rcm_events, with polling).",
            discussion: "Example:\n  rcm projections run --once")

        @Flag(help: "Catch up once and exit.")
        var once = false

        @Option(help: "Seconds between polls when no notification arrives.")
        var pollInterval: Int = 5

        func run() async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let runner = ProjectionRunner()
                if once {
                    let applied = try await connection.run { session in try runner.catchUpAll(in: session) }
                    print("applied \(applied) events")
                    return
                }
                try await runner.follow(connection, pollInterval: .seconds(pollInterval)) { applied in
                    print("applied \(applied) events")
                }
            }
        }
    }
}
