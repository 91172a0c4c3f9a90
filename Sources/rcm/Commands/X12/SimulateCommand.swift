import Application
import ArgumentParser
import BillingX12
import Foundation
import X12

/// `rcm simulate payer`: answers our 837Ps as payers would, for demos and tests.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "A payer simulator for demos and tests (no database).", subcommands: [Payer.self])
}
