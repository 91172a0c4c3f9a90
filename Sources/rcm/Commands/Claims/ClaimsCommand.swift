import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm claims …`.
struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "Claims: create, scrub, submit, show, correct, void, appeal, write off.",
        subcommands: [Create.self, Scrub.self, SubmitCommand.self, Show.self, List.self, Correct.self, Void.self, Appeal.self, WriteOff.self, AssignDenial.self, Unanswered.self])
}
