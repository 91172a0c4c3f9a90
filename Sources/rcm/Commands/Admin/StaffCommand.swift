import Application
import ArgumentParser
import Foundation

/// `rcm staff add, assign, list, password, revoke, mfa`.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "People's database logins and their practice assignments (owner login).",
        subcommands: [Add.self, Assign.self, List.self, Password.self, Revoke.self, MFA.self, SessionIdlePolicy.self])
}
