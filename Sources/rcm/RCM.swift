import ArgumentParser
import Foundation

/// `rcm`: the RevenueCycle command line.
@main
struct RCM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rcm",
        abstract: "RevenueCycle: an event-sourced revenue-cycle engine for mental-health billing companies.",
        discussion: """
            The database is the one RCM_DATABASE_URL names, else libpq's PG* variables, else the local \
            cluster that Scripts/db runs for this checkout. Passwords never go on the command line.

            Exit codes: 0 done, 1 rejected input or failed verification, 64 usage, 69 database unavailable.
            """,
        subcommands: [
            MigrateCommand.self, AdminCommand.self, DatabaseCommand.self, CompanyCommand.self, TenantCommand.self, StaffCommand.self,
            PayerCommand.self, ProviderCommand.self, PatientCommand.self, CoverageCommand.self, AuthCommand.self, SessionCommand.self,
            ClaimsCommand.self, DenialsCommand.self, PaymentCommand.self, StatementCommand.self, EstimateCommand.self, SuperbillCommand.self,
            EraCommand.self, AckCommand.self, EligibilityCommand.self, StatusCommand.self, AlertsCommand.self, X12Command.self, SimulateCommand.self, ReportCommand.self,
            ProjectionsCommand.self, AuditCommand.self, DemoCommand.self, APIKeyCommand.self, ServeCommand.self,
        ]
    )

    /// Parses and runs like ArgumentParser's own `main`, but a usage error is shown with the values typed on
    /// the command line replaced by their arguments' names (`CommandLineInputs`): an error never echoes PHI.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
            } else if !text.isEmpty {
                FileHandle.standardError.write(Data((CommandLineInputs.redaction.apply(text) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
