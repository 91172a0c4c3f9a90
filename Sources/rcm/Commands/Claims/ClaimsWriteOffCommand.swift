import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct WriteOff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-off", abstract: "Write off part of a claim's balance with a reason.",
            discussion: """
                Reasons: \(WriteOffReason.allCases.map(\.rawValue).joined(separator: ", ")).

                Example:
                  rcm claims write-off C4F1C0A9E2B7D --tenant acme-counseling --amount 12.50 --reason smallBalance --side patient
                """)
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option var amount: Money
        @Option var reason: WriteOffReason
        @Option(help: "insurance or patient.") var side: BalanceSide = .insurance
        @Option(help: "The denial this resolves, if any.") var denial: String?

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().writeOff(
                    amount, claim: ClaimID(claim), reason: reason, side: side, denial: denial.map { DenialID($0) }, tenant: practice.tenant)
                print("wrote off \(amount) on \(claim)")
            }
        }
    }
}
