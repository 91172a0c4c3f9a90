import Application
import ArgumentParser
import Billing
import Foundation

extension EraCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every posted payment: payer, trace, check or EFT date, BPR02, claims posted, PLB, unapplied money and state.",
            discussion: """
                state is reconciled (nothing left to work), unapplied (money waits on a person) or held. A payment \
                reconciles when BPR02 = Σ claim payments − Σ PLB; rcm era show TRACE shows both sides.

                Example:
                  rcm era list --tenant acme-counseling --format csv
                """)
        @OptionGroup var practice: OptionalTenantOption
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let payments = try await Core.connect().remittances(tenant: practice.tenant)
                let rows = payments.map { payment -> [String] in
                    let ledger = payment.ledger, received = ledger.received
                    return [
                        payment.practice.slug, received?.payerID.rawValue ?? "", received?.traceNumber ?? "", received?.paymentDate?.description ?? "",
                        received?.method ?? "", ledger.statedAmount.description, String(received?.postedClaims?.count ?? received?.claims ?? 0),
                        ledger.claimPayments.description, ledger.providerAdjustmentTotal.description, ledger.openAmount.description,
                        ledger.heldAmount.description, ledger.reconciles ? ledger.state.rawValue : "off by \(ledger.statedAmount - ledger.computedAmount)",
                    ]
                }
                print(
                    TableOutput(
                        headers: ["practice", "payer", "trace", "date", "method", "bpr02", "claims", "claim_payments", "plb", "unapplied", "held", "state"],
                        rows: rows
                    ).render(output.format))
            }
        }
    }
}
