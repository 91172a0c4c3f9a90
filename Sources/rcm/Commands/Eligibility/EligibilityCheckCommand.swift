import Application
import ArgumentParser
import Billing
import Foundation

extension EligibilityCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a 270 asking one patient's payer about their behavioral-health benefits.",
            discussion: """
                Asks about service types 30, MH, A4, A6, A8 and AI for the date given (default today), of the payer \
                given or else the patient's primary coverage in force that day. The trace of the inquiry is recorded so \
                that rcm eligibility import can tie the 271 back to the patient; the file is kept in the PHI store.

                Example:
                  rcm eligibility check --tenant acme-counseling --patient pt-7f3a --date 2026-12-01 --out out/270
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "The patient key.") var patient: String
        @Option(help: "The payer (catalog id; default: the primary coverage in force on the date).") var payer: String?
        @Option(help: "The date of service asked about, YYYY-MM-DD (default today).") var date: LocalDate?
        @Option(help: "The directory to write the 270 to.") var out: String = "."

        func run() async throws {
            try await reportingFailures {
                let result = try await Core.connect().checkEligibility(
                    tenant: practice.tenant, patient: PatientKey(patient), payer: payer.map { PayerID($0) }, date: date, directory: URL(fileURLWithPath: out))
                print("wrote \(result.path): 270 to \(result.payerID), interchange \(result.interchangeControlNumber), \(result.inquiries) inquiry, sha256 \(result.sha256)")
            }
        }
    }
}
