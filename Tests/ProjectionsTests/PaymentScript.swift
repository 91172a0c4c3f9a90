import Billing
import EventStore
import Foundation
import Postgres
import Projections

/// A posted payment written as the 835 import writes it (received, its unapplied items and PLB items in one
/// append), then worked as a person would. The figures its rows must show are computed here from the amounts
/// the script chose, by the test's own arithmetic, never by `RemittanceLedger`.
struct PaymentScript {
    /// What a person does to an unapplied item.
    enum Work {
        case hold(String)
        case release
        case apply(ClaimNumber)
        case refund(String)
    }

    let payer: PayerID
    let trace: String
    let date: String
    var posted: [(claim: ClaimNumber, paid: Money)] = []
    var unapplied: [Money] = []
    var plb: [(reason: String, amount: Money)] = []
    /// BPR02 minus what would balance (zero: the payment reconciles).
    var offBy: Money = .zero
    /// Work on items (`U1`…), in order, each its own append.
    var work: [(item: String, work: Work)] = []

    var stream: String { RemittanceEvent.streamID(payerID: payer, traceNumber: trace) }
    var postedTotal: Money { posted.map(\.paid).sum() }
    var unappliedTotal: Money { unapplied.sum() }
    var plbTotal: Money { plb.map(\.amount).sum() }
    var amount: Money { postedTotal + unappliedTotal - plbTotal + offBy }

    /// The import's append.
    var receivedEvents: [BillingEvent] {
        let received = RemittanceEvent.Received(
            payerID: payer, traceNumber: trace, amount: amount, paymentDate: LocalDate(date), transactionControlNumber: "0001",
            fileSHA256: "ab12", balanced: offBy == .zero, claims: posted.count + unapplied.count, payee: "XX:1234567893", method: "ACH",
            payerIdentifiers: ["60054"],
            postedClaims: posted.map { .init(claimNumber: $0.claim, statusCode: "1", payerClaimNumber: nil, charge: $0.paid, paid: $0.paid, patientResponsibility: nil) },
            providerAdjustmentTotal: plbTotal)
        let items: [BillingEvent] = unapplied.enumerated().map { index, paid in
            .remittance(
                .unapplied(
                    .init(
                        patientControlNumber: "ZZ-\(index + 1)", statusCode: "1", payerClaimNumber: "ICN-\(index + 1)", lineControlNumber: nil,
                        procedureCode: nil, charge: paid, paid: paid, reason: "no claim ZZ-\(index + 1)", itemID: "U\(index + 1)")))
        }
        let adjustments: [BillingEvent] = plb.map { item in
            .remittance(
                .providerAdjustment(
                    .init(
                        providerID: "1234567893", fiscalPeriodDate: day("2026-12-31"), reason: item.reason, reference: "REF-\(item.reason)",
                        amount: item.amount, kind: item.reason == "L6" ? .interest : .recoupment, claimNumber: nil)))
        }
        return [.remittance(.received(received))] + items + adjustments
    }

    /// One work event.
    static func event(_ item: String, _ work: Work, paid: Money) -> BillingEvent {
        switch work {
        case .hold(let reason): .remittance(.itemHeld(.init(itemID: item, reason: reason)))
        case .release: .remittance(.itemReleased(.init(itemID: item)))
        case .apply(let claim): .remittance(.itemApplied(.init(itemID: item, claimNumber: claim, paid: paid)))
        case .refund(let reference): .remittance(.itemRefunded(.init(itemID: item, amount: paid, reference: reference)))
        }
    }

    /// Each item's state and note after the work, by the test's own rules.
    var itemStates: [(item: String, paid: Money, state: String, note: String?)] {
        var states = unapplied.enumerated().map { (item: "U\($0.offset + 1)", paid: $0.element, state: "open", note: String?.none) }
        for (item, work) in work {
            guard let index = states.firstIndex(where: { $0.item == item }) else { continue }
            switch work {
            case .hold(let reason): (states[index].state, states[index].note) = ("held", reason)
            case .release: (states[index].state, states[index].note) = ("open", nil)
            case .apply(let claim): (states[index].state, states[index].note) = ("applied", claim.description)
            case .refund(let reference): (states[index].state, states[index].note) = ("refunded", reference)
            }
        }
        return states
    }

    func total(_ state: String) -> Int64 { itemStates.filter { $0.state == state }.map(\.paid.cents).reduce(0, +) }

    /// The payment's state: unapplied while an item is open, held while one is held, else reconciled.
    var state: String {
        let states = itemStates.map(\.state)
        return states.contains("open") ? "unapplied" : states.contains("held") ? "held" : "reconciled"
    }

    /// The `remittances` columns the test checks, in `expectedColumns` order.
    var expectedRow: [String] {
        [
            payer.rawValue, trace, date, String(amount.cents), String(posted.count), String(postedTotal.cents),
            String(unappliedTotal.cents), String((postedTotal + unappliedTotal).cents), String(plbTotal.cents), String(total("open")),
            String(total("held")), String(total("refunded")), String(total("applied")), state, String(offBy == .zero),
        ]
    }

    static let expectedColumns =
        "payer_id, trace_number, payment_date::text, amount, claims_posted, posted_amount, unapplied_amount, claim_payments, plb_total, unapplied_open, unapplied_held, refunded, applied, state, reconciles::text"

    /// Appends the import, then each piece of work.
    func write(with writer: LogWriter, runner: ProjectionRunner?, in session: DatabaseSession) throws {
        try writer.append(receivedEvents, stream: stream, on: date, in: session)
        if let runner { try runner.catchUp(tenant: writer.tenant, in: session) }
        for (item, work) in work {
            let paid = unapplied[Int(item.dropFirst())! - 1]
            try writer.append([Self.event(item, work, paid: paid)], stream: stream, on: date, in: session)
            if let runner { try runner.catchUp(tenant: writer.tenant, in: session) }
        }
    }
}
