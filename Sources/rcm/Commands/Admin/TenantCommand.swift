import Application
import ArgumentParser
import Foundation

/// `rcm tenant add|list|offboard`.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Client practices (tenants): onboard, list, offboard.",
        subcommands: [Add.self, List.self, Offboard.self])
}
