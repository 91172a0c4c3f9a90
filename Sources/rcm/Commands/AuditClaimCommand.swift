import Application
import ArgumentParser
import EventStore
import Foundation
import Postgres
import Projections

/// `rcm audit claim`: the auditor's replay of one claim's history.
struct AuditClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Replay a claim's whole history from the log: each event with actor, database login, times, source, reason and the balance after it.",
        discussion: """
            The read is recorded in the practice's access log (the auditor's only write). rcm audit verify shows \
            that none of these events was altered.

            Example:
              rcm audit claim C4F1C0A9E2B7D --tenant acme-counseling --reason "annual audit sample"
            """)

    @Argument(help: "The claim number (CLM01).") var claim: String
    @Option(help: "The practice's slug or id.") var tenant: String
    @Option(help: "Why (recorded).") var reason: String = "audit"
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        try await reportingFailures {
            let (name, claim, reason) = (tenant, self.claim, self.reason)
            let connection = try await Connection.connect(DatabaseLocator.settings())
            let report = try await connection.withTransaction { session -> Report in
                let found = try TenantResolver.resolve(name, in: session)[0]
                let history = try ClaimHistory.load(tenant: found.id, claim: claim, in: session)
                let context = CommandContext(tenant: found, actor: session.user, reason: reason, today: CommandContext.today(in: found.timeZone))
                try AccessLog().record(record: "claim:\(claim)", purpose: reason, sensitive: false, context: context, in: session)
                return ClaimHistory.report(history)
            }
            print(ReportFormat(rawValue: format.rawValue)!.render(report), terminator: "")
        }
    }
}
