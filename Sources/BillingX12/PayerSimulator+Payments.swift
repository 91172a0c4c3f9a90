import Billing
import X12

/// Claim payments and provider-level items on their way into 835s, by payer, cycle and payee, in the order they
/// first appeared.
struct PaymentCycles {
    /// The first 835s of a run, or the follow-ups.
    enum Cycle: Int, Sendable, Hashable {
        case first, followUp
    }

    /// A payer's payments to one payee in one cycle.
    struct Key: Hashable {
        var payer: String
        var cycle: Cycle
        var payee: String
    }

    /// What goes into one 835 transaction set.
    struct Entry {
        var payer: SimulatedPayer
        var payee: PayerSimulator.Payee
        var claims: [ClaimPayment] = []
        var items: [ProviderAdjustment.Item] = []
    }

    var order: [Key] = []
    var entries: [Key: Entry] = [:]

    /// Adds a claim payment.
    mutating func add(_ claim: ClaimPayment, payer: SimulatedPayer, payee: PayerSimulator.Payee, cycle: Cycle) {
        entries[key(payer, payee, cycle)]!.claims.append(claim)
    }

    /// Adds a provider-level item.
    mutating func add(_ item: ProviderAdjustment.Item, payer: SimulatedPayer, payee: PayerSimulator.Payee, cycle: Cycle) {
        entries[key(payer, payee, cycle)]!.items.append(item)
    }

    private mutating func key(_ payer: SimulatedPayer, _ payee: PayerSimulator.Payee, _ cycle: Cycle) -> Key {
        let key = Key(payer: payer.claimPayerID, cycle: cycle, payee: payee.key)
        if entries[key] == nil {
            order.append(key)
            entries[key] = Entry(payer: payer, payee: payee)
        }
        return key
    }
}

/// Turning the cycles into 835s: balances carried forward, check and EFT numbers, one file per payer and cycle.
extension PayerSimulator {
    /// One 835 file: a payer's transaction sets of one cycle.
    struct RemittanceFile {
        var payer: SimulatedPayer
        var date: X12Date
        var sets: [Remittance]
    }

    /// The 835s of the run. Each payee's transaction set has BPR02 = Σ CLP04 − Σ PLB; a payee whose payments net
    /// below zero is brought to zero with a PLB FB (negative) and the balance is taken back (FB positive) from its
    /// next payment, one balance per payer and payee (RFI 738). A payer that pays several payees with one check or
    /// EFT writes one transaction set per payee under the same TRN02, each BPR02 that payee's part, so that the
    /// deposit is Σ BPR02 of the sets with that trace; a payee paid nothing gets a notification (BPR01 H, BPR04
    /// NON) under its own remittance number.
    mutating func pay(_ cycles: PaymentCycles, controls: SimulatorControls, events: inout [SimulatedEvent])
        throws(X12Error) -> (first: [Remittance], followUps: [Remittance], files: [RemittanceFile])
    {
        var payers: [String] = []
        for key in cycles.order where !payers.contains(key.payer) { payers.append(key.payer) }
        var first: [Remittance] = []
        var followUps: [Remittance] = []
        var files: [RemittanceFile] = []
        for cycle in [PaymentCycles.Cycle.first, .followUp] {
            let date = controls.date.adding(days: cycle == .first ? controls.remittanceDays : controls.followUpDays)
            for payerID in payers {
                let keys = cycles.order.filter { $0.payer == payerID && $0.cycle == cycle }
                guard let payer = keys.first.map({ cycles.entries[$0]!.payer }) else { continue }
                var drafts: [(entry: PaymentCycles.Entry, items: [ProviderAdjustment.Item], amount: X12Amount)] = []
                for key in keys {
                    let entry = cycles.entries[key]!
                    let (items, amount) = carryForward(entry, events: &events)
                    drafts.append((entry, items, amount))
                }
                let shared =
                    payer.consolidatesPayees && drafts.contains { $0.amount > .zero } ? nextPaymentNumber(payer, on: date) : nil
                var sets: [Remittance] = []
                for draft in drafts {
                    let trace =
                        draft.amount > .zero
                        ? shared ?? nextPaymentNumber(payer, on: date) : nextNotificationNumber(payer, on: date)
                    sets.append(
                        remittance(
                            draft.entry, items: draft.items, amount: draft.amount, trace: trace, date: date,
                            controlNumber: String(sets.count + 1).leftPadded(4), consolidated: shared != nil))
                }
                if cycle == .first { first += sets } else { followUps += sets }
                files.append(RemittanceFile(payer: payer, date: date, sets: sets))
            }
        }
        return (first, followUps, files)
    }

    /// The entry's PLB items with any forwarding balance (FB) added, and what is left to pay (never below zero).
    mutating func carryForward(_ entry: PaymentCycles.Entry, events: inout [SimulatedEvent])
        -> ([ProviderAdjustment.Item], X12Amount)
    {
        let payerID = entry.payer.claimPayerID
        var items = entry.items
        var net = entry.claims.map(\.paid).sum() - items.map(\.amount).sum()
        var balance = state.payers[payerID]!.forwardBalances[entry.payee.key]
        func record(_ amount: X12Amount, _ reference: String) {
            items.append(.init(reason: "FB", reference: reference, amount: amount))
            events.append(.forwardBalance(payer: payerID, payeeNPI: entry.payee.providerID, amount: amount))
        }
        if let carried = balance, net > .zero {
            let back = min(X12Amount(cents: carried.amount), net)
            record(back, carried.reference)
            net = net - back
            balance?.amount -= back.cents
        } else if net < .zero {
            let reference = balance?.reference ?? Self.cause(of: entry)
            record(net, reference)
            balance = ForwardBalance(amount: (balance?.amount ?? 0) - net.cents, reference: reference)
            net = .zero
        }
        state.payers[payerID]!.forwardBalances[entry.payee.key] = (balance?.amount ?? 0) > 0 ? balance : nil
        return (items, net)
    }

    /// What a new forwarding balance names: the reversed claim's control number, else the recouped one's, else
    /// the first claim's.
    static func cause(of entry: PaymentCycles.Entry) -> String {
        entry.claims.first { $0.status == "22" }?.payerClaimNumber
            ?? entry.items.first { $0.reason == "WO" }?.reference
            ?? entry.claims.first?.payerClaimNumber ?? "BALANCE"
    }

    /// One 835 transaction set.
    func remittance(
        _ entry: PaymentCycles.Entry, items: [ProviderAdjustment.Item], amount: X12Amount, trace: String, date: X12Date,
        controlNumber: String, consolidated: Bool
    ) -> Remittance {
        let payer = entry.payer
        let notification = amount == .zero
        var transfer: Remittance.Payment.Transfer?
        if case .eft(let routing, let account) = payer.payment, !notification {
            // Money to one account: the payee's own, or the billing agent's when one transfer pays several payees.
            let owner = consolidated ? "agent|\(state.receiverID ?? "")" : "payee|\(entry.payee.key)"
            let hash = SeededRandom.hash(owner)
            transfer = .init(
                senderBank: .init(bank: routing, account: account), originatingCompanyID: payer.originatorID,
                originatingCompanySupplementalCode: payer.supplementalCode,
                receiverBank: .init(
                    bank: SimulatedPayerDirectory.routingNumber("0" + String(hash % 10_000_000).leftPadded(7)),
                    account: String(hash / 10_000_000 % 10_000_000_000).leftPadded(10)))
        }
        var plbs: [ProviderAdjustment] = []
        for start in stride(from: 0, to: items.count, by: 6) {
            plbs.append(
                ProviderAdjustment(
                    providerID: entry.payee.providerID, fiscalPeriodDate: X12Date(year: date.year, month: 12, day: 31)!,
                    items: Array(items[start..<min(start + 6, items.count)])))
        }
        return Remittance(
            controlNumber: controlNumber,
            payment: .init(
                handlingCode: notification ? "H" : "I", amount: amount, creditDebit: "C",
                method: notification ? "NON" : payer.payment.code, format: transfer == nil ? nil : "CCP", transfer: transfer,
                date: date),
            trace: .init(number: trace, originatorID: payer.originatorID, supplementalCode: payer.supplementalCode),
            productionDate: date, payer: .init(name: payer.name, identifier: payer.remittancePayerID, address: payer.address),
            payee: entry.payee.party, claims: entry.claims, providerAdjustments: plbs)
    }

    /// The payer's next check number or EFT trace number (TRN02), from its own sequence; like claim numbers, never
    /// below where the date puts it.
    mutating func nextPaymentNumber(_ payer: SimulatedPayer, on date: X12Date) -> String {
        let floor = max(0, date.dayNumber - 19_000) * 20
        let sequence = max(state.payers[payer.claimPayerID]!.paymentSequence, floor) + 1
        state.payers[payer.claimPayerID]!.paymentSequence = sequence
        switch payer.payment {
        case .check(let firstCheck): return String(firstCheck + sequence)
        case .eft(let routing, _): return String(routing.prefix(8)) + String(sequence % 10_000_000).leftPadded(7)
        }
    }

    /// A unique remittance number for an 835 that pays nothing: `RA`, the date and the payer's running number.
    mutating func nextNotificationNumber(_ payer: SimulatedPayer, on date: X12Date) -> String {
        let sequence = state.payers[payer.claimPayerID]!.notificationSequence + 1
        state.payers[payer.claimPayerID]!.notificationSequence = sequence
        return "RA" + date.x12 + String(sequence % 100_000).leftPadded(5)
    }
}
