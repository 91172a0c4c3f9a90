import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm coverage add`.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "Patients' insurance coverages.", subcommands: [Add.self])
}
