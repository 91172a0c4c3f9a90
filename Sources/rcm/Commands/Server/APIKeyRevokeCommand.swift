import Application
import ArgumentParser
import Foundation

extension APIKeyCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API key: the server stops acting as it at once.", discussion: "Example:\n  rcm apikey revoke k3x9q0w2m7ab")
        @Argument(help: "The key id (rcm apikey list).") var keyID: String

        func run() async throws {
            try await reportingFailures {
                guard try await Core.connect().revokeAPIKey(keyID) else { throw CommandRejected("no live API key \(keyID)") }
                print("revoked \(keyID)")
            }
        }
    }
}
