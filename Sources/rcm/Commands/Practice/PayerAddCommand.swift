import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a payer to the company's catalog (owner login).",
            discussion: """
                Example:
                  rcm payer add --id aetna --name "Aetna" --payer-id 60054 --kind commercial --filing CI
                  rcm payer add --id magellan-bh --name "Magellan Behavioral" --payer-id 01260 --kind carve-out --filing CI \\
                    --alias 1541001260 --alias MGLN1

                The payer id is the X12 payer id of the payer's companion guide and the clearinghouse's payer list: \
                it is what the 837P sends in NM1*PR. Aliases are the other ids the payer's files carry (TRN03 of its \
                835s, REF*2U, a clearinghouse's own id); 835s, 999s and 277CAs are matched on the payer id and the \
                aliases, never on our id.
                """)
        @Option(help: "Our id for it (lower-case, dashes).") var id: String
        @Option var name: String
        @Option(help: "The payer id claims route to (NM1*PR).") var payerID: String
        @Option(help: "commercial, medicare, medicaid, medicaid-mco, eap or carve-out.") var kind: String
        @Option(help: "Claim filing indicator (SBR09): CI, BL, HM, MB, MC, …") var filing: String = "CI"
        @Option(help: "Another id the payer's files carry (TRN03, REF*2U, a clearinghouse's id); repeatable.") var alias: [String] = []

        func validate() throws {
            guard ["commercial", "medicare", "medicaid", "medicaid-mco", "eap", "carve-out"].contains(kind) else {
                throw ValidationError("--kind is commercial, medicare, medicaid, medicaid-mco, eap or carve-out")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let payer = PayerProfile(payerID: id, name: name, x12PayerID: payerID, kind: kind, filingIndicator: filing, aliases: alias)
                try await Core.connect().addPayer(payer)
                print("payer \(payer.payerID) added")
            }
        }
    }
}
