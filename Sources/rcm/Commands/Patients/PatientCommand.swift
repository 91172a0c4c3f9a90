import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm patient add|show|forget`, `rcm coverage add`, `rcm auth add`.
struct PatientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient", abstract: "Patients: identity kept in the PHI store, a pseudonymous key in the log.",
        subcommands: [Add.self, Show.self, Forget.self])
}
