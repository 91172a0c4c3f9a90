import Application
import ArgumentParser
import Billing
import Foundation

extension AuthCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a prior authorization: number, payer, codes, units or visits, date window.",
            discussion: """
                Units are consumed when a claim is submitted and released when it is voided or denied.

                Example:
                  rcm auth add --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer magellan-bh --number PA778812 \\
                    --codes 90834,90837 --units 12 --from 2026-01-01 --through 2026-06-30
                """)
        @OptionGroup var practice: TenantOption
        @Option var patient: String
        @Option var payer: String
        @Option var number: String
        @Option(help: "Comma-separated codes in scope.") var codes: CommaList
        @Option var units: String
        @Option(help: "YYYY-MM-DD.") var from: LocalDate
        @Option(help: "YYYY-MM-DD.") var through: LocalDate

        func run() async throws {
            try await reportingFailures {
                guard let units = Quantity(parsing: units) else { throw CommandError("--units is a number") }
                let auth = Authorization(
                    number: number, payerID: PayerID(payer), codes: Set(codes.items), units: units, window: EffectivePeriod(from: from, through: through))
                try await Core.connect().addAuthorization(auth, patient: PatientKey(patient), tenant: practice.tenant)
                print("authorization \(auth.number) recorded")
            }
        }
    }
}
