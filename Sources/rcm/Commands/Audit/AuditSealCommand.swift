import Application
import ArgumentParser
import Foundation

extension AuditCommand {
    /// `rcm audit seal`.
    struct SealCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal",
            abstract: "Print a seal of a tenant's log (tenant, position, head hash, time) as JSON, to keep outside the database.",
            discussion: """
                Keep the seal where the database's administrators cannot change it. Later, \
                rcm audit verify --seal FILE detects a truncated tail or a rewritten chain.

                Example:
                  rcm audit seal --tenant acme-counseling > acme-seal.json
                """
        )

        @OptionGroup var practice: TenantOption

        func run() async throws {
            try await reportingFailures {
                print(try await Core.connect().sealLog(tenant: practice.tenant))
            }
        }
    }
}
