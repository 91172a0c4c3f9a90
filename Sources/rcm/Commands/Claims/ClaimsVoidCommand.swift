import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Void: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a claim (sent as frequency 8 once submitted); authorization units are released.",
            discussion: "Example:\n  rcm claims void C4F1C0A9E2B7D --tenant acme-counseling --reason \"wrong patient\"")
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var reason: String

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().voidClaim(ClaimID(claim), reason: reason, tenant: practice.tenant)
                print("claim \(claim) voided")
            }
        }
    }
}
