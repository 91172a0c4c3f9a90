import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct AssignDenial: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Assign a denial to an owner (due date from the payer's appeal window unless given).",
            discussion: "Example:\n  rcm claims assign C4F1C0A9E2B7D --tenant acme-counseling --denial D1 --owner jdoe")
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var denial: String
        @Option var owner: String
        @Option(help: "YYYY-MM-DD.") var due: LocalDate?

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().assignDenial(DenialID(denial), claim: ClaimID(claim), owner: StaffID(owner), due: due, tenant: practice.tenant)
                print("denial \(denial) assigned to \(owner)")
            }
        }
    }
}
