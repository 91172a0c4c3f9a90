import Application
import ArgumentParser
import Billing

extension ProviderCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a provider: NPI (check digit verified), taxonomy, licence level, supervisor for pre-licensed clinicians.",
            discussion: """
                Licence levels: physician, nursePractitioner, psychologist, licensedTherapist, preLicensed, bachelors.

                Example:
                  rcm provider add --tenant acme-counseling --id dr-lee --first Dana --last Lee --credentials PhD \\
                    --npi 1234567893 --taxonomy 103T00000X --licence psychologist
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Our id for the provider within the practice.") var id: String
        @Option var first: String
        @Option var last: String
        @Option var credentials: String = ""
        @Option var npi: String
        @Option var taxonomy: String
        @Option(help: "The licence level.") var licence: LicenceLevel
        @Option(help: "The supervising provider's id (pre-licensed clinicians).") var supervisor: String?

        func run() async throws {
            try await reportingFailures {
                let provider = Provider(id: ProviderID(id), npi: npi, taxonomy: taxonomy, licence: licence, supervisor: supervisor.map { ProviderID($0) })
                let profile = ProviderProfile(providerID: id, firstName: first, lastName: last, credentials: credentials)
                try await Core.connect().addProvider(provider, profile: profile, tenant: practice.tenant)
                print("provider \(id) added to \(practice.tenant)")
            }
        }
    }
}
