import ArgumentParser
import Application

/// `rcm migrate`: applies the embedded SQL migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending schema migrations (forward only; safe to run twice or concurrently).",
        discussion: """
            Each migration runs in its own transaction as the owner role and is recorded with its SHA-256. \
            A migration file changed after it was applied is refused.

            Example:
              RCM_DATABASE_URL=$(Scripts/db url) rcm migrate
            """
    )

    func run() async throws {
        try await reportingFailures {
            let report = try await Core.connect().migrate()
            for name in report.applied { print("applied \(name)") }
            print("\(report.applied.count) applied, \(report.alreadyApplied.count) already applied")
        }
    }
}
