import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm statement run`.
struct StatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Patient statements (invoices) for balances due.", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a statement for every patient of a practice with a balance due.",
            discussion: """
                Each statement lists the charges per claim or self-pay session with their dates of service, what \
                insurance paid, payments and credits, the balance and the due date. All statements go into one \
                printable file (one page per statement) in --out. Each one records a PHI access event and \
                account.statement_generated on the patient's account, in one transaction.

                Example:
                  rcm statement run --tenant demo-solo --out statements
                  rcm statement run --tenant demo-solo --out statements --format text --due-days 21
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Directory to write to.") var out: String = "."
        @Option(help: "html or text.") var format: DocumentFormat = .html
        @Option(help: "Days until payment is due.") var dueDays: Int = 30
        @Option(help: "Summary output: table, csv or json.") var summary: OutputFormat = .table

        func validate() throws {
            guard (0...180).contains(dueDays) else { throw ValidationError("--due-days is 0 to 180") }
        }

        func run() async throws {
            try await reportingFailures {
                let run = try await Core.connect().runStatements(tenant: practice.tenant, dueInDays: dueDays)
                let (documents, slug, today) = (run.documents, run.practice, run.date)
                guard !documents.isEmpty else {
                    print("no patient of \(slug) has a balance due")
                    return
                }
                let path = try DocumentOutput.write(
                    documents.map(\.page), name: "statements-\(slug)-\(today)", title: "Statements \(slug) \(today)", format: format, to: out)
                let rows = documents.map { [$0.page.patientKey.rawValue, $0.documentID.rawValue, $0.amount.description] }
                print(TableOutput(headers: ["patient", "document", "amount_due"], rows: rows).render(summary))
                printError("\(documents.count) statement(s) written to \(path)")
            }
        }
    }
}
