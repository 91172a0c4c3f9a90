import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm claims submit`.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write an 837P interchange of a practice's scrubbed claims for one payer, and record them as submitted.",
        discussion: """
            Claims that passed the scrubber (no errors) and are not yet sent go into one interchange. The ISA/GS \
            control number is unique per sender across all practices; the file's SHA-256 and ST control number are \
            recorded on every claim's event, and the file is kept byte for byte in the PHI store.

            Example:
              rcm claims submit --tenant acme-counseling --payer aetna --out out/837
            """)
    @OptionGroup var practice: TenantOption
    @Option var payer: String
    @Option(help: "The directory to write the file to.") var out: String
    @Option(help: "Only these claim numbers (comma-separated).") var claims: CommaList?
    @Option(help: "Only claims whose first date of service is on or before this date (YYYY-MM-DD).") var through: LocalDate?

    func run() async throws {
        try await reportingFailures {
            let request = SubmitClaimsRequest(
                tenant: practice.tenant, payer: PayerID(payer), only: claims.map { $0.items.map { ClaimID($0) } }, through: through,
                directory: URL(fileURLWithPath: out))
            guard let result = try await Core.connect().submitClaims(request) else {
                print("no claims of \(practice.tenant) for \(payer) are ready to submit")
                return
            }
            print("wrote \(result.path): interchange \(result.interchangeControlNumber), \(result.claimNumbers.count) claim(s), sha256 \(result.sha256)")
        }
    }
}
