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
                  rcm payer add --id magellan-bh --name "Magellan Behavioral" --payer-id 01260 --kind carve-out --filing CI
                """)
        @Option(help: "Our id for it (lower-case, dashes).") var id: String
        @Option var name: String
        @Option(help: "The payer id claims route to (NM1*PR).") var payerID: String
        @Option(help: "commercial, medicare, medicaid, medicaid-mco, eap or carve-out.") var kind: String
        @Option(help: "Claim filing indicator (SBR09): CI, BL, HM, MB, MC, …") var filing: String = "CI"

        func validate() throws {
            guard ["commercial", "medicare", "medicaid", "medicaid-mco", "eap", "carve-out"].contains(kind) else {
                throw ValidationError("--kind is commercial, medicare, medicaid, medicaid-mco, eap or carve-out")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let payer = PayerProfile(payerID: id, name: name, x12PayerID: payerID, kind: kind, filingIndicator: filing)
                try await Core.connect().addPayer(payer)
                print("payer \(payer.payerID) added")
            }
        }
    }
}
