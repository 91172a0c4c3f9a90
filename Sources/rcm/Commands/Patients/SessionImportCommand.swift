import Application
import ArgumentParser
import Billing
import Foundation

extension SessionCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sessions from an EHR's CSV export (layout in docs/session-import.md).",
            discussion: """
                Each bad row is reported with its line number. Nothing is written unless every row is valid, or with \
                --skip-invalid the valid sessions are written and the invalid rows listed.

                Example:
                  rcm session import june.csv --tenant acme-counseling
                """)
        @Argument var file: String
        @OptionGroup var practice: TenantOption
        @Flag(help: "Write the valid sessions and list the invalid rows.") var skipInvalid = false

        func run() async throws {
            try await reportingFailures {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CommandError("cannot read \(file)") }
                let outcome = try await Core.connect().importSessions(csv: text, fileName: file, tenant: practice.tenant, skipInvalid: skipInvalid)
                print("imported \(outcome.imported) session(s)")
                if !outcome.skipped.isEmpty {
                    print("skipped \(outcome.skipped.count) invalid row(s):")
                    outcome.skipped.forEach { print("  \($0)") }
                }
            }
        }
    }
}
