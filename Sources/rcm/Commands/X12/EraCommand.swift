import Application
import ArgumentParser
import Foundation

/// `rcm era import`.
struct EraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "era", abstract: "Electronic remittance advice (835): post, reconcile, work unapplied money.", subcommands: [Import.self, List.self, Show.self, Apply.self, Hold.self, Release.self, Refund.self])
}
