import ArgumentParser

/// `rcm apikey create|list|revoke`.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey", abstract: "API keys for rcm serve: each a role of its own, assigned to practices, limited to actions (owner login).",
        subcommands: [Create.self, List.self, Revoke.self])
}
