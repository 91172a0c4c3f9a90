import Application
import ArgumentParser
import Billing
import Foundation

extension PatientCommand {
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Destroy a patient's identifying data after retention; the log records it and still verifies.",
            discussion: """
                Deletes the identity and takes the patient's names, ids, address and date of birth out of every raw \
                X12 file that mentions them (other patients in those files are kept); patient.identity_forgotten lists \
                each record deleted or redacted.

                Example:
                  rcm patient forget pk-4f1c0a9e2b7d8c61 --tenant acme-counseling --reason "retention ended"
                """)
        @Argument var key: String
        @OptionGroup var practice: TenantOption
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(key)
                let destroyed = try await Core.connect().forgetPatient(key, tenant: practice.tenant, reason: reason)
                let files = destroyed.filter { $0.action == .redacted }.count
                print("identity of \(key) destroyed; \(files) raw X12 file(s) redacted")
            }
        }
    }
}
