import Application
import ArgumentParser
import Foundation
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
    @OptionGroup var practice: TenantOption
    @Option(help: "Why (recorded).") var reason: String = "audit"
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reportingFailures {
            let report = try await Core.connect().auditClaim(claim, tenant: practice.tenant, reason: reason)
            print(output.format.report.render(report), terminator: "")
        }
    }
}
