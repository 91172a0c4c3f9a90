import ArgumentParser

/// `rcm denials list|letter`.
struct DenialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "denials", abstract: "The denial worklist and appeal letters.", subcommands: [List.self, Letter.self])
}
