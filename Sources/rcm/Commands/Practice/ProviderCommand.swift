import Application
import ArgumentParser
import Billing

/// `rcm provider add`.
struct ProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider", abstract: "A practice's rendering and supervising providers.", subcommands: [Add.self])
}
