import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm audit access-changes`: who granted, changed or revoked whose access.
struct AuditAccessChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-changes",
        abstract: "List changes of access: people, groups, practice assignments, passwords, second factors, API keys, revocations.",
        discussion: """
            Each is an event in the company's log (company.staff_added, company.staff_assigned, identity.password_set,
            identity.api_key_created, identity.api_key_revoked, identity.factor_enrolled, identity.factor_removed, identity.factors_reset,
            identity.second_factor_policy_set, identity.access_revoked, identity.session_policy_set), oldest first.
            Example:
              rcm audit access-changes --since 2026-12-01 --format csv
            """)
    @Option(help: "Only changes recorded on or after this date (YYYY-MM-DD, from midnight UTC).") var since: LocalDate?
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reportingFailures {
            let changes = try await Core.connect().accessChanges(since: since)
            let rows = changes.map { [TimeText.iso($0.recordedAt), $0.actor, $0.eventType, $0.subject, $0.detail] }
            print(TableOutput(headers: ["recorded_at", "by", "event", "subject", "change"], rows: rows).render(output.format))
        }
    }
}
