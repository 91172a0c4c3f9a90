import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Void: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a claim; authorization units are released.",
            discussion: """
                A claim the payer adjudicated is voided with the payer too: it waits as voidPending until rcm claims submit
                sends the frequency-8 claim naming the payer's claim number (CLP07) in REF*F8. A claim the payer never
                adjudicated (never sent, or rejected) is voided here only; one the payer holds but has not adjudicated yet
                cannot be voided until its 835 or its rejection arrives.

                Example:
                  rcm claims void C4F1C0A9E2B7D --tenant acme-counseling --reason "wrong patient"
                """)
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var reason: String

        func run() async throws {
            try await reportingFailures {
                let state = try await Core.connect().voidClaim(ClaimID(claim), reason: reason, tenant: practice.tenant)
                let payer = state.payerID?.rawValue ?? "the payer"
                if state.status == .voidPending {
                    print(
                        "claim \(claim) voided: the void (frequency 8, REF*F8 \(state.originalPayerClaimNumber ?? "")) goes to \(payer) "
                            + "with the next rcm claims submit --payer \(payer)")
                } else {
                    print("claim \(claim) voided without sending: never adjudicated by \(payer) (it was not sent, or was rejected)")
                }
            }
        }
    }
}
