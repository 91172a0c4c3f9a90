import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm demo seed`, `rcm demo work`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "The demo billing company: deterministic data for trying and benchmarking rcm.",
        subcommands: [Seed.self, Work.self])
}
