import Application
import ArgumentParser
import Billing
import Foundation

extension EligibilityCommand {
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one 270 per payer for every patient with a session in a month.",
            discussion: """
                Each patient is asked about on the date of their first session of the month, of the payer of their \
                primary coverage in force that day; thousands of inquiries go in one interchange per payer (99 per \
                transaction set). Patients without coverage in force or whose identity was destroyed are skipped and \
                counted.

                Example:
                  rcm eligibility batch --tenant acme-counseling --month 2026-12 --out out/270
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "The month, YYYY-MM.") var month: String
        @Option(help: "The directory to write the 270s to.") var out: String = "."

        func validate() throws {
            guard LocalDate(month + "-01") != nil else { throw ValidationError("--month must be YYYY-MM.") }
        }

        func run() async throws {
            try await reportingFailures {
                let (results, skipped) = try await Core.connect().checkEligibilityBatch(
                    tenant: practice.tenant, month: LocalDate(month + "-01")!, directory: URL(fileURLWithPath: out))
                for result in results {
                    print("wrote \(result.path): 270 to \(result.payerID), interchange \(result.interchangeControlNumber), \(result.inquiries) inquiries")
                }
                print("\(results.reduce(0) { $0 + $1.inquiries }) patient(s) asked in \(results.count) interchange(s), \(skipped) skipped")
            }
        }
    }
}
