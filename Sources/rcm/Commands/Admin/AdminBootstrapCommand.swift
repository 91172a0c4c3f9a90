import Application
import ArgumentParser

extension AdminCommand {
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
                try await Core.connect().bootstrapRoles()
                print("roles rcm_owner, rcm_staff, rcm_auditor, rcm_analyst are in place")
            }
        }
    }
}
