import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a staff person's password for rcm serve (enables the login for the server; ends its sessions).",
            discussion: """
                The password is read from RCM_NEW_PASSWORD, else from standard input (one line); never from an
                argument, which other users of the machine could see. 12 to 1,024 characters.
                Example:
                  printf '%s\\n' "$NEW_PASSWORD" | rcm staff password jdoe
                """)
        @Argument(help: "The person's login (a staff login: owners and auditors use the command line).") var login: String

        func run() async throws {
            try await reportingFailures {
                let password: String
                if let given = ProcessInfo.processInfo.environment["RCM_NEW_PASSWORD"], !given.isEmpty {
                    password = given
                } else if let line = readLine(strippingNewline: true), !line.isEmpty {
                    password = line
                } else {
                    throw CommandRejected("no password: set RCM_NEW_PASSWORD or give it on standard input")
                }
                try await Core.connect().setPassword(login: login, password: password)
                print("password set for \(login); \(login) may sign in to rcm serve")
            }
        }
    }
}
