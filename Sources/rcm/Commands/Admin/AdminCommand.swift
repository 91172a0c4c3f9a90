import ArgumentParser

/// `rcm admin …`: administration of the database server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the database server (roles).",
        subcommands: [Bootstrap.self, RestoreDerived.self]
    )
}
