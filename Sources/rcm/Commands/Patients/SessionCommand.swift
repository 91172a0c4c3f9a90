import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm session log|import`.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Therapy sessions from the practice's EHR.", subcommands: [Log.self, Correct.self, Import.self])
}
