import ArgumentParser
import Postgres
import Schema

/// `rcm admin …`: administration of the database server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the database server (roles).",
        subcommands: [Bootstrap.self, RestoreDerived.self]
    )

    /// `rcm admin bootstrap`: creates the cluster-wide group roles.
    struct Bootstrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the group roles rcm_owner, rcm_staff, rcm_auditor and rcm_analyst (idempotent).",
            discussion: """
                Roles are cluster-wide, so they are created here rather than by a migration. Run it once \
                per server as a role with CREATEROLE (a superuser on a fresh server).

                Example:
                  RCM_DATABASE_URL=postgresql://postgres@db.example.com/rcm?sslmode=verify-full rcm admin bootstrap
                """
        )

        func run() async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                try await connection.run { session in
                    try session.executeScript(Migration.bootstrapSQL, name: "bootstrap")
                }
                print("roles rcm_owner, rcm_staff, rcm_auditor, rcm_analyst are in place")
            }
        }
    }

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

        static let rebuild = SQL("restore_derived", "SELECT rcm.rebuild_derived_state() AS tenants")

        func run() async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let tenants = try await connection.withTransaction { session in
                    try session.query(Self.rebuild).first!.decode("tenants", as: Int.self)
                }
                print("derived state rebuilt for \(tenants) tenant(s)")
            }
        }
    }
}
