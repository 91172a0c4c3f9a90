import Application
import ArgumentParser
import Foundation
import Projections

extension ProjectionsCommand {
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
                let core = try await Core.connect()
                if once {
                    print("applied \(try await core.catchUpProjections()) events")
                    return
                }
                try await core.followProjections(pollInterval: .seconds(pollInterval)) { applied in
                    print("applied \(applied) events")
                }
            }
        }
    }
}
