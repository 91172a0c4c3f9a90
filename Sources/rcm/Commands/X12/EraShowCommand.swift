import Application
import ArgumentParser
import Billing
import Foundation

extension EraCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A payment in full: every claim it posted, every PLB line, what is unapplied and why, and BPR02 = Σ claim payments − Σ PLB.",
            discussion: """
                A check that paid several practices shows one payment per practice.

                Example:
                  rcm era show EFT110010001 --tenant acme-counseling
                """)
        @Argument(help: "The trace number (TRN02: the check or EFT number).") var trace: String
        @OptionGroup var practice: OptionalTenantOption

        func run() async throws {
            try await reportingFailures {
                for payment in try await Core.connect().remittance(trace: trace, tenant: practice.tenant) {
                    print(PaymentText(payment).lines.joined(separator: "\n"))
                }
            }
        }
    }
}

/// A payment as `rcm era show` prints it.
struct PaymentText {
    let payment: PaymentReconciliation

    init(_ payment: PaymentReconciliation) { self.payment = payment }

    var lines: [String] {
        let ledger = payment.ledger
        guard let received = ledger.received else { return ["\(payment.stream): no record of its receipt"] }
        var lines = [
            "payment \(received.traceNumber) from \(received.payerID) to \(payment.practice.slug)\(received.payee.map { " (\($0))" } ?? "")",
            "  date \(received.paymentDate?.description ?? "-"), method \(received.method ?? "-"), ST02 \(received.transactionControlNumber), state \(ledger.state.rawValue)",
            "  claims posted:",
        ]
        let claims = received.postedClaims ?? []
        lines += claims.isEmpty ? ["    (none listed)"] : TableOutput(
            headers: ["claim", "status", "payer_claim", "charge", "paid", "patient_resp"],
            rows: claims.map {
                [$0.claimNumber.description, $0.statusCode, $0.payerClaimNumber ?? "", $0.charge.description, $0.paid.description,
                 $0.patientResponsibility?.description ?? ""]
            }
        ).render(.table).split(separator: "\n").map { "    " + $0 }
        lines.append("  provider-level adjustments (PLB):")
        lines += ledger.providerAdjustments.isEmpty ? ["    (none)"] : TableOutput(
            headers: ["code", "reference", "amount", "kind", "claim"],
            rows: ledger.providerAdjustments.map { [$0.reason, $0.reference ?? "", $0.amount.description, $0.kind.rawValue, $0.claimNumber?.description ?? ""] }
        ).render(.table).split(separator: "\n").map { "    " + $0 }
        lines.append("  unapplied:")
        lines += ledger.items.isEmpty ? ["    (none)"] : TableOutput(
            headers: ["item", "clp01", "line", "status", "charge", "paid", "state", "note", "why"],
            rows: ledger.items.map {
                [$0.itemID, $0.entry.patientControlNumber, $0.entry.lineControlNumber ?? "", $0.entry.statusCode, $0.entry.charge.description,
                 $0.entry.paid.description, $0.state.rawValue, $0.note ?? "", $0.entry.reason]
            }
        ).render(.table).split(separator: "\n").map { "    " + $0 }
        let verdict = ledger.reconciles ? "reconciles" : "does NOT reconcile (off by \(ledger.statedAmount - ledger.computedAmount))"
        lines.append(
            "  BPR02 \(ledger.statedAmount) = claim payments \(ledger.claimPayments) (posted \(ledger.postedToClaims) + unapplied \(ledger.keptUnapplied)) − PLB \(ledger.providerAdjustmentTotal) = \(ledger.computedAmount): \(verdict)"
        )
        return lines
    }
}
