import Application
import ArgumentParser

extension AdminCommand {
    /// `rcm admin restore-derived`: after a restore, rebuilds head rows, idempotency keys and assignments.
    struct RestoreDerived: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore-derived",
            abstract: "After restoring a backup of the log, tenants and PHI store, rebuild head rows, idempotency keys and staff assignments.",
            discussion: """
                See docs/operations.md, "Backup and restore". Then run rcm projections rebuild and rcm audit verify.

                Example:
                  rcm admin restore-derived
                """
        )


        func run() async throws {
            try await reportingFailures {
                let tenants = try await Core.connect().restoreDerivedState()
                print("derived state rebuilt for \(tenants) tenant(s)")
            }
        }
    }
}
