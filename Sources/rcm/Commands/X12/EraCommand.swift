import Application
import ArgumentParser
import Foundation

/// `rcm era import`.
struct EraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "era", abstract: "Electronic remittance advice (835).", subcommands: [Import.self])
}
