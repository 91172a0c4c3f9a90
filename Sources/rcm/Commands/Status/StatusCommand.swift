import ArgumentParser

/// `rcm status`: claim status requests (276) and responses (277), 005010X212.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Claim status: 276 requests for unanswered claims, 277 responses.",
        subcommands: [Inquire.self, Import.self, Worklist.self])
}
