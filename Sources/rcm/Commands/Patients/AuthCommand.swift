import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm auth add`.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "Prior authorizations.", subcommands: [Add.self])
}
