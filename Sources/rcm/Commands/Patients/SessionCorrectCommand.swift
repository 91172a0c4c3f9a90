import Application
import ArgumentParser
import Billing
import Foundation

extension SessionCommand {
    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a logged session (an amended note): the whole record again, with a reason.",
            discussion: """
                Example:
                  rcm session correct --tenant acme-counseling --id s-1a2b --patient pk-4f1c0a9e2b7d8c61 --date 2026-06-02 \\
                    --provider dr-lee --minutes 55 --dx F33.1 --service 90837=150.00 --reason "note amended"
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "The session id.") var id: String
        @OptionGroup var fields: SessionFields
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let record = try fields.row(sessionID: id).record()
                try await Core.connect().correctSession(record, reason: reason, tenant: practice.tenant)
                print("session \(record.sessionID) corrected")
            }
        }
    }
}
