import Application
import ArgumentParser
import Foundation

extension APIKeyCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List API keys (never their secrets).", discussion: "Example:\n  rcm apikey list")

        func run() async throws {
            try await reportingFailures {
                let formatter = ISO8601DateFormatter()
                print(["key_id", "label", "actions", "created_by", "created_at", "revoked_at"].joined(separator: "\t"))
                for key in try await Core.connect().apiKeys() {
                    print(
                        [
                            key.keyID, key.label, key.actions.joined(separator: ","), key.createdBy, formatter.string(from: key.createdAt),
                            key.revokedAt.map { formatter.string(from: $0) } ?? "",
                        ].joined(separator: "\t"))
                }
            }
        }
    }
}
