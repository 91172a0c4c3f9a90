import Application
import ArgumentParser
import Foundation

extension TenantCommand {
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
                let tenant = try await Core.connect().onboardPractice(profile)
                print("onboarded \(tenant.slug) (\(tenant.id))")
            }
        }
    }
}
