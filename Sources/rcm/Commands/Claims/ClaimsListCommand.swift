import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a practice's claims with status, balances, the scrubber's verdict and the next step (ready to submit, a denial to work).", discussion: "Example:\n  rcm claims list --tenant acme-counseling --status draft")
        @OptionGroup var practice: TenantOption
        @Option(help: "Only claims in this status.") var status: Claim.Status?
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let claims = try await Core.connect().listClaims(tenant: practice.tenant, status: status)
                let rows = claims.map {
                    [
                        $0.claimNumber?.description ?? "", $0.status.rawValue, $0.payerID?.rawValue ?? "", $0.firstDateOfService?.description ?? "",
                        $0.charges.description, $0.insuranceBalance.description, $0.patientBalance.description, ClaimWorkText.scrub($0),
                        ClaimWorkText.next($0),
                    ]
                }
                print(TableOutput(headers: ["claim", "status", "payer", "first_dos", "charges", "insurance_balance", "patient_balance", "scrub", "next"], rows: rows).render(output.format))
            }
        }
    }
}
