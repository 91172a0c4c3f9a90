import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a claim from one patient's sessions for one payer; prints the claim number (CLM01).",
            discussion: """
                Example:
                  rcm claims create --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer aetna --sessions s-1a2b,s-3c4d
                """)
        @OptionGroup var practice: TenantOption
        @Option var patient: String
        @Option var payer: String
        @Option(help: "Comma-separated session ids.") var sessions: CommaList
        @Option(help: "The prior authorization number, if any.") var authorization: String?

        func run() async throws {
            try await reportingFailures {
                let request = CreateClaimRequest(
                    tenant: practice.tenant, patient: PatientKey(patient), payer: PayerID(payer), sessions: sessions.items.map { SessionID($0) },
                    authorizationNumber: authorization)
                let claim = try await Core.connect().createClaim(request)
                print(claim.claimNumber?.description ?? "")
            }
        }
    }
}
