import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand.Rules {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A practice's rules with a payer, one row per date they take effect.",
            discussion: "Example:\n  rcm payer rules show --tenant acme-counseling --payer aetna")
        @OptionGroup var practice: TenantOption
        @Option(help: "The enrolled payer's id.") var payer: String
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rules = try await Core.connect().payerRules(tenant: practice.tenant, payer: PayerID(payer))
                let rows = rules.map { [$0.effectiveFrom.description, PayerRuleText.summary($0)] }
                print(TableOutput(headers: ["from", "rule"], rows: rows).render(output.format))
            }
        }
    }
}
