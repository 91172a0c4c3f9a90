import Application
import ArgumentParser

/// `rcm company configure`: the submitter identity on every 837P.
struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company", abstract: "The billing company's own settings.", subcommands: [Configure.self])
}
