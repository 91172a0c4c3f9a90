import Application
import ArgumentParser
import Foundation
import Projections

extension ProjectionsCommand {
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
                let done = try await Core.connect().rebuildProjections(jobs: jobs, batchSize: batchSize) { printer.update($0, label: label) }
                printer.finish()
                let seconds = Date().timeIntervalSince(started)
                print("rebuilt \(names.joined(separator: ", ")) over \(done) events in \(String(format: "%.1f", seconds)) s and switched")
            }
        }
    }
}
