import Application
import ArgumentParser

extension ClaimsCommand {
    struct Unanswered: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claims sent long enough ago with no answer from the payer: no 835, no finalized or rejecting 277.",
            discussion: """
                A claim waits --days (default 30) from its first submission; one whose latest 277 says pending stays \
                listed. rcm status inquire writes a 276 for exactly these.

                Example:
                  rcm claims unanswered --tenant acme-counseling --days 30 --format csv
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Days a payer is expected to take.") var days: Int = 30
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rows = try await Core.connect().unansweredClaims(tenant: practice.tenant, days: days).map {
                    [$0.claimID.rawValue, $0.payerID.rawValue, $0.submittedOn.description, String($0.days), $0.lastStatus.map { "\($0.category):\($0.code)" } ?? ""]
                }
                print(TableOutput(headers: ["claim", "payer", "submitted", "days", "last_status"], rows: rows).render(output.format))
            }
        }
    }
}
