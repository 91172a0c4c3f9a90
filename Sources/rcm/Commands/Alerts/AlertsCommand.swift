import Application
import ArgumentParser
import Billing

/// `rcm alerts list`.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "Deadlines that lose money when missed.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A practice's alerts: authorizations, coverages ending, timely filing, appeal windows, stale eligibility.",
            discussion: """
                Authorizations with two or fewer units left or ending within 14 days; coverages ending within 30 days \
                (as recorded or as the latest 271 says); claims not yet submitted within 30 days of the payer's \
                timely-filing limit; open denials whose appeal window closes within 14 days; patients seen this month \
                whose eligibility check is older than the practice's policy (rcm eligibility policy, default 30 days). \
                Each names the patient key, the claim or authorization, the deadline and the command that resolves it. \
                The business date is today, or RCM_BUSINESS_DATE.

                Example:
                  rcm alerts list --tenant acme-counseling --format csv
                """)
        @OptionGroup var practice: TenantOption
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rows = try await Core.connect().alerts(tenant: practice.tenant).map {
                    [$0.deadline.description, $0.kind.rawValue, $0.patientKey.rawValue, $0.subject, $0.detail, $0.resolveWith]
                }
                print(TableOutput(headers: ["deadline", "kind", "patient", "subject", "detail", "resolve_with"], rows: rows).render(output.format))
            }
        }
    }
}
