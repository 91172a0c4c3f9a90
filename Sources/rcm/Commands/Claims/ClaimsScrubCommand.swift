import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Scrub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the scrubber's rules on claims; errors block submission, warnings are recorded.",
            discussion: "Example:\n  rcm claims scrub C4F1C0A9E2B7D --tenant acme-counseling")
        @Argument(help: "Claim numbers.") var claims: [String]
        @OptionGroup var practice: TenantOption
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let results = try await Core.connect().scrubClaims(claims.map { ClaimID($0) }, tenant: practice.tenant)
                var rows: [[String]] = []
                for (id, claim) in results {
                    if claim.findings.isEmpty { rows.append([id.rawValue, "pass", "", ""]) }
                    for finding in claim.findings { rows.append([id.rawValue, finding.severity.rawValue, finding.ruleID, finding.message]) }
                }
                print(TableOutput(headers: ["claim", "severity", "rule", "message"], rows: rows).render(output.format))
                if results.contains(where: { !$0.claim.readyToSubmit }) { throw ExitCode(1) }
            }
        }
    }
}
