import Application
import ArgumentParser

extension DatabaseCommand {
    /// `rcm db info`.
    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the server version, the login, applied migrations and row counts of the product's tables.",
            discussion: "Example:\n  rcm db info"
        )

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().databaseInfo().forEach { print($0) }
            }
        }
    }
}
