import Application
import ArgumentParser
import Foundation

extension TenantCommand {
    struct Offboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Offboard a practice whose business-associate agreement ended: destroy its identifying data.",
            discussion: """
                Destroys every patient identity and raw X12 file of the practice, records the destruction in its \
                log and the company's, and marks it offboarded. The log, its hash chain and the books stay intact.

                Example:
                  rcm tenant offboard --tenant acme-counseling --reason "BAA ended 2026-12-31"
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let (identities, files) = try await Core.connect().offboardPractice(practice.tenant, reason: reason)
                print("offboarded \(practice.tenant): \(identities) patient identities and \(files) X12 files destroyed")
            }
        }
    }
}
