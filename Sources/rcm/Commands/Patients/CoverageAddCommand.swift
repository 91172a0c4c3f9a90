import Application
import ArgumentParser
import Billing
import Foundation

extension CoverageCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a coverage: payer, order, relation, copay, coinsurance, deductible, dates.",
            discussion: """
                Example:
                  rcm coverage add --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer aetna --order primary \\
                    --copay 25.00 --coinsurance 0 --deductible 500.00 --from 2026-01-01
                """)
        @OptionGroup var practice: TenantOption
        @Option var patient: String
        @Option var payer: String
        @Option(help: "primary, secondary or tertiary.") var order: PayerOrder = .primary
        @Option(help: "self, spouse, child or other.") var relation: SubscriberRelation = .`self`
        @Option var copay: Money = .zero
        @Option(help: "Percent, 0–100.") var coinsurance: Int = 0
        @Option var deductible: Money = .zero
        @Option(help: "YYYY-MM-DD.") var from: LocalDate
        @Option(help: "YYYY-MM-DD.") var through: LocalDate?
        @OptionGroup var duplicate: DuplicateOptions

        func run() async throws {
            try await reportingFailures {
                let coverage = Coverage(
                    id: CoverageID("\(payer)-\(order.rawValue)-\(from)"), payerID: PayerID(payer), order: order, relation: relation, copay: copay,
                    coinsurancePercent: coinsurance, deductible: deductible, effective: EffectivePeriod(from: from, through: through))
                try await Core.connect().addCoverage(coverage, patient: PatientKey(patient), tenant: practice.tenant, duplicateReason: duplicate.duplicateReason)
                print("coverage \(coverage.id) recorded")
            }
        }
    }
}
