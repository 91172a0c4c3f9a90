import Application
import ArgumentParser
import EventStore
import Foundation
import Postgres

/// `rcm tenant add|list|offboard`.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Client practices (tenants): onboard, list, offboard.",
        subcommands: [Add.self, List.self, Offboard.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Onboard a client practice: its tenant, log and billing-provider details (owner login).",
            discussion: """
                Example:
                  rcm tenant add --slug acme-counseling --name "Acme Counseling LLC" --time-zone America/Chicago \\
                    --npi 1234567893 --tax-id 123456789 --taxonomy 101YM0800X \\
                    --street "100 Main St" --city Springfield --state IL --zip 627011234
                """)
        @Option(help: "Short name: lower-case letters, digits, dashes.") var slug: String
        @Option(help: "The practice's legal name.") var name: String
        @Option(help: "IANA time zone of its business dates.") var timeZone: String = "America/New_York"
        @Option(help: "Billing provider NPI.") var npi: String
        @Option(help: "Tax id (EIN), 9 digits.") var taxID: String
        @Option(help: "Billing taxonomy code.") var taxonomy: String = "101Y00000X"
        @Option(help: "Street address (no PO box).") var street: String
        @Option var city: String
        @Option var state: String
        @Option(help: "9-digit ZIP.") var zip: String

        func run() async throws {
            try await reportingFailures {
                let profile = PracticeProfile(
                    tenantID: UUID().uuidString, slug: slug, name: name, timeZone: timeZone, npi: npi,
                    taxID: taxID.filter(\.isNumber), taxonomy: taxonomy, street: street, city: city, state: state, zip: zip.filter(\.isNumber))
                let tenant = try await Workspace.administration { session, actor, today in
                    try CompanyService().onboard(profile, actor: actor, today: today, in: session)
                }
                print("onboarded \(tenant.slug) (\(tenant.id))")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the tenants this login may see.", discussion: "Example:\n  rcm tenant list --format csv")
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let connection = try await Workspace.connect()
                let tenants = try await connection.run { try TenantDirectory.list(in: $0) }
                let table = TableOutput(
                    headers: ["slug", "kind", "time_zone", "status", "tenant_id"],
                    rows: tenants.map { [$0.slug, $0.kind.rawValue, $0.timeZone, $0.status.rawValue, $0.id.description] })
                print(table.render(format))
            }
        }
    }

    struct Offboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Offboard a practice whose business-associate agreement ended: destroy its identifying data.",
            discussion: """
                Destroys every patient identity and raw X12 file of the practice, records the destruction in its \
                log and the company's, and marks it offboarded. The log, its hash chain and the books stay intact.

                Example:
                  rcm tenant offboard --tenant acme-counseling --reason "BAA ended 2026-12-31"
                """)
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let name = tenant, why = reason
                let (identities, files) = try await Workspace.inTenant(name, reason: why) { session, context in
                    try OffboardingService().offboard(context: context, in: session)
                }
                print("offboarded \(name): \(identities) patient identities and \(files) X12 files destroyed")
            }
        }
    }
}
