import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a catalog payer: name, X12 payer id, aliases, kind, filing indicator and every change with its date.",
            discussion: "Example:\n  rcm payer show aetna --format json")
        @Argument(help: "Our id for the payer.") var id: String
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let (current, history) = try await Core.connect().payer(id)
                var rows: [[String]] = [
                    ["id", current.payerID], ["name", current.name], ["payer_id", current.x12PayerID],
                    ["aliases", current.aliases.joined(separator: " ")], ["kind", current.kind], ["filing", current.filingIndicator],
                ]
                for version in history {
                    let profile = version.profile
                    rows.append([
                        "from \(version.effectiveFrom?.description ?? "added")",
                        "\(profile.name); payer id \(profile.x12PayerID)\(profile.aliases.isEmpty ? "" : "; aliases " + profile.aliases.joined(separator: " "))",
                    ])
                }
                print(TableOutput(headers: ["field", "value"], rows: rows).render(output.format))
            }
        }
    }
}
