import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a person's own database login in a group: staff, auditor or analyst.",
            discussion: """
                The password is read from the environment variable named by --password-env (default \
                RCM_NEW_PASSWORD), never from an argument. Without it the login can only connect where the \
                server trusts the socket or a certificate.

                Example:
                  RCM_NEW_PASSWORD=… rcm staff add jdoe --group staff
                """)
        @Argument(help: "The login: lower-case letters, digits, underscores.") var login: String
        @Option(help: "staff, auditor or analyst.") var group: String = "staff"
        @Option(help: "The environment variable holding the password.") var passwordEnv: String = "RCM_NEW_PASSWORD"

        func validate() throws {
            guard ["staff", "auditor", "analyst"].contains(group) else { throw ValidationError("--group is staff, auditor or analyst") }
        }

        func run() async throws {
            try await reportingFailures {
                let password = ProcessInfo.processInfo.environment[passwordEnv]
                let created = try await Core.connect().addStaff(login: login, group: group, password: password)
                print(created ? "created login \(login) in rcm_\(group)" : "login \(login) exists; it is in rcm_\(group)")
            }
        }
    }
}
