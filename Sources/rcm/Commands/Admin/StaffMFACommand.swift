import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    /// `rcm staff mfa policy|reset`.
    struct MFA: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mfa", abstract: "The second factor of the server's sign-in: the company's policy, and a person's reset (owner login).",
            subcommands: [MFAPolicy.self, MFAReset.self])
    }

    struct MFAPolicy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Show or set who must prove a second factor at sign-in (recorded as identity.second_factor_policy_set).",
            discussion: """
                phi_readers (the default): every person whose group can read PHI (staff, owners, auditors); everyone;
                nobody. A person who enrolled a factor proves it whatever the policy. API keys stay key-only.
                Examples:
                  rcm staff mfa policy
                  rcm staff mfa policy --require everyone
                """)
        @Option(help: "phi_readers, everyone or nobody.") var require: String?

        func validate() throws {
            if let require, SecondFactorPolicy(rawValue: require) == nil {
                throw ValidationError("--require is phi_readers, everyone or nobody")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let core = try await Core.connect()
                if let policy = require.flatMap(SecondFactorPolicy.init(rawValue:)) { try await core.setSecondFactorPolicy(policy) }
                print("second factor required for: \(try await core.secondFactorPolicy().rawValue)")
            }
        }
    }

    struct MFAReset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Remove a person's second factors and recovery codes and end their sessions (recorded as identity.factors_reset).",
            discussion: "The person enrols again at the next sign-in.\nExample:\n  rcm staff mfa reset jdoe")
        @Argument(help: "The person's login.") var login: String

        func run() async throws {
            try await reportingFailures {
                let had = try await Core.connect().resetSecondFactors(login: login)
                print(had ? "second factors of \(login) removed; sessions ended" : "\(login) had no second factor; sessions ended")
            }
        }
    }
}
