import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the payer catalog.", discussion: "Example:\n  rcm payer list")
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rows = try await Core.connect().payers().map { [$0.payerID, $0.name, $0.x12PayerID, $0.aliases.joined(separator: " "), $0.kind, $0.filingIndicator] }
                print(TableOutput(headers: ["id", "name", "payer_id", "aliases", "kind", "filing"], rows: rows).render(output.format))
            }
        }
    }
}
