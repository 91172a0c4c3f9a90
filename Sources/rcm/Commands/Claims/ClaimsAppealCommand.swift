import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Appeal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an appeal of a denial.", discussion: "Example:\n  rcm claims appeal C4F1C0A9E2B7D --tenant acme-counseling --denial D1 --reference APL-2026-0042")
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var denial: String
        @Option(help: "The appeal's reference (letter, portal case).") var reference: String

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().appealDenial(DenialID(denial), claim: ClaimID(claim), reference: reference, tenant: practice.tenant)
                print("appeal of \(denial) recorded")
            }
        }
    }
}
