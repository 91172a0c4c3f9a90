import ArgumentParser
import Foundation
import Application

/// `rcm migrate`: applies the embedded SQL migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending schema migrations (forward only; safe to run twice or concurrently).",
        discussion: """
            Each migration runs in its own transaction as the owner role and is recorded with its SHA-256. \
            A migration file changed after it was applied is refused. Afterwards, auditor and analyst logins \
            that lack it get pgaudit's read logging (this login needs CREATEROLE for that).

            Example:
              RCM_DATABASE_URL=$(Scripts/db url) rcm migrate
            """
    )

    func run() async throws {
        try await reportingFailures {
            let core = try await Core.connect()
            let report = try await core.migrate()
            for name in report.applied { print("applied \(name)") }
            print("\(report.applied.count) applied, \(report.alreadyApplied.count) already applied")
            // Auditor and analyst logins made earlier get pgaudit's read logging too (docs/security.md).
            let audit = try await core.auditSQLLogins()
            if audit.audited > 0 { print("pgaudit read logging set on \(audit.audited) auditor and analyst login(s)") }
            if audit.unaudited > 0 {
                printError("note: \(audit.unaudited) auditor or analyst login(s) still lack pgaudit read logging: run rcm migrate as a login with CREATEROLE")
            }
            // TOTP secrets enrolled before V0019 are sealed by the key rotation, which needs the operator's key (decision 0018).
            if let clear = try? await core.secondFactorsInClear(), clear > 0 {
                printError("note: \(clear) TOTP secret(s) enrolled before V0019 are still in clear text: run rcm admin keys rotate to seal them")
            }
        }
    }
}
