import Billing
import X12

/// What each payer decides about each accepted claim, and what it does in this run to claims it paid earlier.
extension PayerSimulator {
    /// Adjudicates one accepted claim into this run's payment cycles: a secondary's share, a denial, a split
    /// payment, a crossover or a plain payment; a plain payment may be marked for a reversal or a recoupment in a
    /// later run.
    mutating func adjudicate(
        _ item: Incoming, icn: String, run: Int, on date: X12Date, into cycles: inout PaymentCycles,
        outcomes: inout [String: SimulatedOutcome]
    ) {
        let number = item.claim.claimNumber
        let payer = item.identity
        if item.claim.hasEarlierAdjudication {
            cycles.add(secondary(item, icn: icn), payer: payer, payee: item.payee, cycle: .first)
            outcomes[number] = .paid
            return
        }
        if random.chance(settings.denyPercent) {
            let denial = random.pick(Self.denials)
            let whole = !(denial.reason == "97" && item.claim.lines.count > 1)
            outcomes[number] = .denied(group: denial.group, reason: denial.reason, wholeClaim: whole)
            let payment = denied(item, icn: icn, denial: denial, whole: whole)
            rememberDenial(payment, reason: denial.reason, item, on: date)
            cycles.add(payment, payer: payer, payee: item.payee, cycle: .first)
            return
        }
        var lines: [ServicePayment] = []
        for (offset, line) in item.claim.lines.enumerated() {
            lines.append(priced(price(line, item), line: line, copayFirst: offset == 0, item))
        }
        if lines.count > 1, random.chance(settings.splitPercent), let (first, later) = Self.split(lines) {
            // The payer pays some lines now and the rest later, each part under its own claim control number,
            // with MA15 ("your claim has been separated to expedite handling").
            var head = assemble(item, status: "1", icn: icn, lines: first)
            head.remarkCodes = ["MA15"]
            var tail = assemble(item, status: "1", icn: nextClaimNumber(payer, on: date), lines: later)
            tail.remarkCodes = ["MA15"]
            cycles.add(head, payer: payer, payee: item.payee, cycle: .first)
            cycles.add(tail, payer: payer, payee: item.payee, cycle: .followUp)
            outcomes[number] = .split(first: first.count, later: later.count)
            return
        }
        var payment = assemble(item, status: "1", icn: icn, lines: lines)
        if let crossover = payer.crossover, item.sequence == "P", (payment.patientResponsibility ?? .zero) > .zero,
            hasSupplemental(item)
        {
            // Processed as primary and forwarded to the supplemental plan (CLP02 19, NM1*TT, MA18).
            payment.status = "19"
            payment.otherParties = [
                Party(entity: "TT", entityType: "2", name: PersonName(last: crossover.name), idQualifier: "PI", id: crossover.payerID)
            ]
            payment.remarkCodes = ["MA18"]
            cycles.add(payment, payer: payer, payee: item.payee, cycle: .first)
            outcomes[number] = .crossover(to: crossover.payerID)
            if let partnerID = crossover.claimPayerID {
                let partner = directory.payer(for: partnerID, name: crossover.name)
                let forwarded = Self.crossoverPayment(of: payment, icn: nextClaimNumber(partner, on: date))
                cycles.add(forwarded, payer: partner, payee: item.payee, cycle: .followUp)
            }
            return
        }
        cycles.add(payment, payer: payer, payee: item.payee, cycle: .first)
        outcomes[number] = .paid
        guard payment.paid > .zero else { return }
        let kind: PendingAction.Kind
        if random.chance(settings.reversePercent) {
            let refunded = random.chance(settings.refundPercent)
            let raise = !refunded && random.chance(50)
            let laterFile = !refunded && random.chance(settings.laterReadjudicationPercent)
            kind = .reversal(raise: raise, laterFile: laterFile, refunded: refunded)
        } else if random.chance(settings.recoupPercent) {
            let share = 10 + random.below(21)
            kind = .recoupment(amount: max(Money(payment.paid).percentage(share).cents, 1))
        } else {
            return
        }
        state.payers[payer.claimPayerID]!.payments[icn] = PaidClaim(
            payment: payment, payee: item.payee.party, providerID: item.payee.providerID, paidOn: date, run: run)
        state.payers[payer.claimPayerID]!.pending.append(
            PendingAction(kind: kind, claimNumber: number, payerClaimNumber: icn, dueRun: run + 1))
    }

    /// The lines paid first and those paid later when a claim is split: the lines without patient responsibility
    /// first (so the first part moves nothing to the next payer before the claim is whole), the others later; when
    /// no line carries patient responsibility, the last line later. Nil when every line carries some.
    static func split(_ lines: [ServicePayment]) -> ([ServicePayment], [ServicePayment])? {
        func owes(_ line: ServicePayment) -> Bool { line.adjustments.contains { $0.group == "PR" && $0.amount > .zero } }
        let free = lines.filter { !owes($0) }
        let owing = lines.filter(owes)
        guard !free.isEmpty else { return nil }
        return owing.isEmpty ? (Array(lines.dropLast()), [lines.last!]) : (free, owing)
    }

    /// Whether the member has a supplemental plan the payer crosses claims over to: the claim names the crossover
    /// partner as a later payer in loop 2320 (by its claim payer id or its crossover id), and the member is among the
    /// payer's crossover agreements (`crossoverPercent`), fixed per payer and member whatever the seed, so a member's
    /// claims cross over every time or never.
    func hasSupplemental(_ item: Incoming) -> Bool {
        guard let crossover = item.identity.crossover else { return false }
        let partner = Set([crossover.payerID, crossover.claimPayerID].compactMap { $0 })
        guard item.claim.otherPayers.contains(where: { $0.paidAmount == nil && partner.contains($0.payer.id) }) else { return false }
        return Int(SeededRandom.hash("crossover|\(item.identity.claimPayerID)|\(item.memberID)") % 100) < settings.crossoverPercent
    }

    /// Does what payers planned in earlier runs and is due now: reversals (CLP02 22) with their new
    /// adjudication (and a PLB 72 when the provider had refunded the overpayment) and recoupments (PLB WO).
    mutating func performPending(
        run: Int, on date: X12Date, into cycles: inout PaymentCycles, outcomes: inout [String: SimulatedOutcome],
        events: inout [SimulatedEvent]
    ) {
        for payerID in state.payers.keys.sorted() {
            let book = state.payers[payerID]!
            let due = book.pending.filter { $0.dueRun <= run && book.payments[$0.payerClaimNumber] != nil }
            guard !due.isEmpty else { continue }
            state.payers[payerID]!.pending = book.pending.filter {
                $0.dueRun > run && book.payments[$0.payerClaimNumber] != nil
            }
            let payer = directory.payer(for: payerID, name: book.name)
            for action in due {
                let paid = state.payers[payerID]!.payments.removeValue(forKey: action.payerClaimNumber)!
                let payee = Payee(
                    key: "\(paid.payee.npi ?? paid.payee.id)|\(paid.payee.taxID ?? "")", providerID: paid.providerID,
                    party: paid.payee)
                switch action.kind {
                case .reversal(let raise, let laterFile, let refunded):
                    let corrected = Self.readjudication(
                        of: paid.payment, raise: raise, icn: nextClaimNumber(payer, on: date))
                    cycles.add(Self.reversal(of: paid.payment), payer: payer, payee: payee, cycle: .first)
                    cycles.add(corrected, payer: payer, payee: payee, cycle: laterFile ? .followUp : .first)
                    outcomes[action.claimNumber] = .reversedAndReadjudicated(laterFile: laterFile)
                    events.append(.reversed(claimNumber: action.claimNumber, payerClaimNumber: action.payerClaimNumber))
                    let returned = paid.payment.paid - corrected.paid
                    if refunded, returned > .zero {
                        cycles.add(
                            ProviderAdjustment.Item(reason: "72", reference: action.payerClaimNumber, amount: -returned),
                            payer: payer, payee: payee, cycle: .first)
                        events.append(
                            .refundAcknowledged(
                                claimNumber: action.claimNumber, payerClaimNumber: action.payerClaimNumber, amount: returned))
                    }
                case .recoupment(let cents):
                    let amount = X12Amount(cents: cents)
                    cycles.add(
                        ProviderAdjustment.Item(reason: "WO", reference: action.payerClaimNumber, amount: amount),
                        payer: payer, payee: payee, cycle: .first)
                    events.append(
                        .recouped(claimNumber: action.claimNumber, payerClaimNumber: action.payerClaimNumber, amount: amount))
                }
            }
        }
    }

    /// Forgets what payers meant to do to a claim that has been billed again (to the next payer, replaced or
    /// voided): its payer no longer comes back to the payment.
    mutating func cancelPending(claimNumber: String) {
        for payerID in state.payers.keys.sorted() {
            let book = state.payers[payerID]!
            let gone = book.pending.filter { $0.claimNumber == claimNumber }
            guard !gone.isEmpty else { continue }
            state.payers[payerID]!.pending.removeAll { $0.claimNumber == claimNumber }
            for action in gone { state.payers[payerID]!.payments.removeValue(forKey: action.payerClaimNumber) }
        }
    }

    /// Interest (PLB L6, money added) and miscellaneous adjustments (PLB CS, either way) on some first payments to
    /// a payee, each naming one of the claims paid.
    mutating func addProviderAdjustments(to cycles: inout PaymentCycles) {
        for key in cycles.order where key.cycle == .first {
            guard let claim = cycles.entries[key]!.claims.first(where: { $0.status != "22" && $0.paid > .zero }),
                let icn = claim.payerClaimNumber
            else { continue }
            if random.chance(settings.interestPercent) {
                let interest = max(Money(claim.paid).percentage(1).x12Amount, X12Amount(cents: 1))
                cycles.entries[key]!.items.append(.init(reason: "L6", reference: icn, amount: -interest))
            }
            if random.chance(settings.adjustmentPercent) {
                let amount = max(Money(claim.paid).percentage(3).x12Amount, X12Amount(cents: 1_00))
                cycles.entries[key]!.items.append(
                    .init(reason: "CS", reference: icn, amount: random.chance(50) ? amount : -amount))
            }
        }
    }
}
