import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a claim from its sessions' amended records (sent as a replacement, frequency 7, once adjudicated).",
            discussion: """
                Amend the session first with rcm session correct; then correct the claim, scrub it and submit it again.

                Example:
                  rcm session correct --tenant acme-counseling --id s-1a2b --patient pk-… --date 2026-06-02 --provider dr-lee \\
                    --minutes 55 --dx F33.1 --service 90837=150.00 --reason "note amended: 55 minutes"
                  rcm claims correct C4F1C0A9E2B7D --tenant acme-counseling --reason "units corrected"
                """)
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var reason: String

        func run() async throws {
            try await reportingFailures {
                let state = try await Core.connect().correctClaim(ClaimID(claim), reason: reason, tenant: practice.tenant)
                let payer = state.payerID?.rawValue ?? "the payer"
                if state.frequency == .replacement {
                    print(
                        "claim \(claim) corrected: a replacement (frequency 7, REF*F8 \(state.originalPayerClaimNumber ?? "")), "
                            + "charges \(state.charges); scrub it and submit it")
                } else {
                    print(
                        "claim \(claim) corrected: never adjudicated by \(payer), so it goes as an original (frequency 1), "
                            + "charges \(state.charges); scrub it and submit it")
                }
            }
        }
    }
}
