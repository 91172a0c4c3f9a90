import Application
import ArgumentParser
import Foundation

extension APIKeyCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key; its secret is printed once and never kept.",
            discussion: """
                Actions: \(APIAction.allCases.map(\.rawValue).joined(separator: ", ")).
                Example:
                  rcm apikey create --label "EHR sync" --tenant acme --actions read,sessions.log
                """)
        @Option(help: "What the key is for.") var label: String
        @Option(help: "A practice the key works in (repeatable).") var tenant: [String]
        @Option(help: "Comma-separated actions the key may take.") var actions: String

        func run() async throws {
            try await reportingFailures {
                let key = try await Core.connect().createAPIKey(label: label, tenants: tenant, actions: try APIAction.parseList(actions))
                print("key id \(key.keyID) (role \(key.role)); the key, shown once:")
                print(key.presented)
            }
        }
    }
}
