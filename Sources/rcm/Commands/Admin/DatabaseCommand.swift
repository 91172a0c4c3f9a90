import ArgumentParser

/// `rcm db info`: what the database holds.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Show the database: server, login, applied migrations and table sizes.",
        subcommands: [Info.self]
    )
}
