import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand {
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a catalog payer's name, X12 payer id or aliases from a date on (owner login).",
            discussion: """
                Claims sent on or after --effective carry the new payer id; incoming files still match the old ids \
                as well, since they may answer claims sent before. Recorded as company.payer_updated.

                Examples:
                  rcm payer update --id aetna --payer-id 60054 --alias 1066033492 --effective 2027-01-01
                  rcm payer update --id magellan-bh --name "Magellan Healthcare" --remove-alias MGLN1 --effective 2026-12-01
                """)
        @Option(help: "Our id for the payer.") var id: String
        @Option(help: "The new name.") var name: String?
        @Option(help: "The new X12 payer id (NM1*PR).") var payerID: String?
        @Option(help: "An alias to add; repeatable.") var alias: [String] = []
        @Option(help: "An alias to remove; repeatable.") var removeAlias: [String] = []
        @Option(help: "The first business date the change applies to, YYYY-MM-DD.") var effective: LocalDate

        func validate() throws {
            guard name != nil || payerID != nil || !alias.isEmpty || !removeAlias.isEmpty else {
                throw ValidationError("give --name, --payer-id, --alias or --remove-alias")
            }
        }

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().updatePayer(
                    id, name: name, x12PayerID: payerID, addAliases: alias, removeAliases: removeAlias, effectiveFrom: effective)
                print("payer \(id) updated from \(effective)")
            }
        }
    }
}
