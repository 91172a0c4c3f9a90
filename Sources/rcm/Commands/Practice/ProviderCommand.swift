import Application
import ArgumentParser
import Billing

/// `rcm provider add`.
struct ProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider", abstract: "A practice's rendering and supervising providers.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a provider: NPI (check digit verified), taxonomy, licence level, supervisor for pre-licensed clinicians.",
            discussion: """
                Licence levels: physician, nursePractitioner, psychologist, licensedTherapist, preLicensed, bachelors.

                Example:
                  rcm provider add --tenant acme-counseling --id dr-lee --first Dana --last Lee --credentials PhD \\
                    --npi 1234567893 --taxonomy 103T00000X --licence psychologist
                """)
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option(help: "Our id for the provider within the practice.") var id: String
        @Option var first: String
        @Option var last: String
        @Option var credentials: String = ""
        @Option var npi: String
        @Option var taxonomy: String
        @Option(help: "The licence level.") var licence: String
        @Option(help: "The supervising provider's id (pre-licensed clinicians).") var supervisor: String?

        func run() async throws {
            try await reportingFailures {
                guard let level = LicenceLevel(rawValue: licence) else {
                    throw CommandRejected("--licence is one of \(LicenceLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let provider = Provider(id: ProviderID(id), npi: npi, taxonomy: taxonomy, licence: level, supervisor: supervisor.map { ProviderID($0) })
                let profile = ProviderProfile(providerID: id, firstName: first, lastName: last, credentials: credentials)
                try await Workspace.inTenant(tenant) { session, context in
                    try PracticeService().addProvider(provider, profile: profile, context: context, in: session)
                }
                print("provider \(id) added to \(tenant)")
            }
        }
    }
}
