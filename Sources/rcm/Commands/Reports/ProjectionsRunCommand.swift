import Application
import ArgumentParser
import Foundation
import Projections

extension ProjectionsCommand {
    /// `rcm projections run`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catch the projections up, then follow the log (notifications on rcm_events, with polling); reconnects after a database restart.",
            discussion: "Example:\n  rcm projections run --once")

        @Flag(help: "Catch up once and exit.")
        var once = false

        @Option(help: "Seconds between polls when no notification arrives.")
        var pollInterval: Int = 5

        @Option(help: "Events per transaction (each batch commits with its checkpoint).")
        var batchSize: Int = 5000

        func validate() throws {
            guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
            guard pollInterval > 0 else { throw ValidationError("--poll-interval must be positive") }
        }

        func run() async throws {
            try await reportingFailures {
                let core = try await Core.connect()
                if once {
                    print("applied \(try await core.catchUpProjections()) events")
                    return
                }
                try await core.followProjections(
                    pollInterval: .seconds(pollInterval), batchSize: batchSize,
                    onApplied: { applied in print("applied \(applied) events") },
                    onInterruption: { printError("note: \($0)") })
            }
        }
    }
}
