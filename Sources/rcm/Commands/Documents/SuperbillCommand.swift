import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm superbill`.
struct SuperbillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "superbill",
        abstract: "Superbills for out-of-network clients: receipts with codes, diagnoses, NPIs and amounts paid.",
        discussion: """
            Covers the client's sessions from --from through --through, one superbill per rendering provider, with the \
            practice's tax id and NPI, the provider's NPI, codes, modifiers, diagnoses, charges and what the client paid in \
            the period. Each is recorded on the account (account.superbill_issued) and the read of PHI in the access log.

            Example:
              rcm superbill --tenant demo-solo --patient pk-4f1c0a9e2b7d8c61 --from 2026-01-01 --through 2026-03-31 --out superbills
            """)
    @OptionGroup var practice: TenantOption
    @Option var patient: String
    @Option(help: "First date of service, YYYY-MM-DD.") var from: LocalDate
    @Option(help: "Last date of service, YYYY-MM-DD.") var through: LocalDate
    @Option(help: "Directory to write to.") var out: String = "."
    @Option(help: "html or text.") var format: DocumentFormat = .html

    func validate() throws {
        guard from <= through else { throw ValidationError("--from must not be after --through") }
    }

    func run() async throws {
        try await reportingFailures {
            let key = PatientKey(patient)
            let documents = try await Core.connect().superbills(for: key, from: from, through: through, tenant: practice.tenant)
            let path = try DocumentOutput.write(
                documents.map(\.page), name: "superbill-\(key.rawValue)-\(from)-\(through)", title: "Superbill", format: format, to: out)
            for document in documents { print("\(document.documentID.rawValue)  paid \(document.amount)") }
            print(path)
        }
    }
}
