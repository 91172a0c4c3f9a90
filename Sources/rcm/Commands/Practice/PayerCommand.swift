import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm payer add|update|show|enroll|rules|list`.
struct PayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payer", abstract: "The company's payer catalog and practices' enrolments.", subcommands: [Add.self, Update.self, Show.self, Enroll.self, Rules.self, List.self])
}

/// Splits a comma-separated option.
