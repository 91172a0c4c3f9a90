import Application
import ArgumentParser
import Foundation

/// `rcm ack import`.
struct AckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledgments (999, 277CA).", subcommands: [Import.self])
}
