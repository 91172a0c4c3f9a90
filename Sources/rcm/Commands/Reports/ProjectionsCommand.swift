import Application
import ArgumentParser
import Foundation
import Projections

/// `rcm projections …`: status, rebuild and live following of the projections.
struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Show, rebuild or run the projections (claim status, denials, A/R activity).",
        subcommands: [Status.self, Rebuild.self, Run.self]
    )
}
