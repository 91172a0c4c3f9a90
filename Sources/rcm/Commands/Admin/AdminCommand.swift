import ArgumentParser

/// `rcm admin …`: administration of the database server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the database server (roles), the keys that seal PHI, the inventory of where PHI is.",
        subcommands: [Bootstrap.self, RestoreDerived.self, Keys.self, Inventory.self]
    )
}
