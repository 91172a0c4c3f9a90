import Billing
import PropertyBased
import Testing

/// A claim, its patient and its account, driven by a process manager the way the application will:
/// claim events imply patient (authorization) and account commands.
struct World {
    var claim = Claim.initial
    var patient: Patient.State
    var account: PatientAccount.State
    var today = day("2026-03-05")
    var counter = 0
    var accepted = 0

    init() {
        var patient = Fx.patientState
        patient.coverages = [
            "cov-1": Coverage(id: "cov-1", payerID: Fx.medicaid, order: .primary, effective: .always),
            "cov-2": Coverage(id: "cov-2", payerID: Fx.acme, order: .secondary, effective: .always),
            "cov-3": Coverage(id: "cov-3", payerID: "TRI", order: .tertiary, effective: .always),
        ]
        self.patient = patient
        account = PatientAccount.replay([
            .opened(.init(patientKey: Fx.patient, selfPay: false, effectiveDate: day("2026-01-01")))
        ])
    }

    var context: ScrubContext { ScrubContext(practice: Fx.practice, patient: patient, today: today) }
    var april: AccountingPeriod { AccountingPeriod(containing: today) }

    mutating func next(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(counter)"
    }

    /// Runs a claim command; on success, runs the commands it implies on the patient and the account.
    mutating func run(_ command: Claim.Command) {
        guard let events = try? Claim.decide(command, claim) else { return }
        accepted += 1
        claim = Claim.replay(events, from: claim)
        for event in events {
            for implied in Claim.authorizationCommands(for: event, patientKey: Fx.patient) {
                let patientEvents = try! Patient.decide(implied, patient)
                patient = Patient.replay(patientEvents, from: patient)
            }
            for implied in Claim.accountCommands(for: event) {
                let accountEvents = try! PatientAccount.decide(implied, account)
                account = PatientAccount.replay(accountEvents, from: account)
            }
        }
    }

    mutating func runAccount(_ command: PatientAccount.Command) {
        let events = try! PatientAccount.decide(command, account)
        account = PatientAccount.replay(events, from: account)
    }

    /// A random but well-formed remittance for the lines the current payer has not settled.
    func remit(_ seed: Int) -> Adjudication {
        let lines = claim.lines.filter { claim.lineStatus[$0.lineID] != .adjudicated }
        let secondary = claim.payerOrder != .primary
        var share = claim.insuranceBalance
        let result: [LineAdjudication] = lines.enumerated().map { index, line in
            let kind = (seed / (index + 1)) % 4
            let owed = secondary ? min(line.charge, max(.zero, share)) : line.charge
            share -= owed
            let paid = owed.percentage((seed % 9) * 10)
            let responsibility = (owed - paid).percentage(seed % 3 == 0 ? 0 : 40)
            var adjustments: [CASAdjustment] = []
            func add(_ group: GroupCode, _ reason: String, _ amount: Money) {
                if amount > .zero { adjustments.append(CASAdjustment(group, reason, amount)) }
            }
            if kind == 0 && !secondary {
                add(.contractual, "197", line.charge)
                return LineAdjudication(
                    lineID: line.lineID, code: line.code, charge: line.charge, paid: .zero, adjustments: adjustments)
            }
            add(.patient, ["1", "2", "3"][seed % 3], responsibility)
            if secondary {
                add(.other, "23", line.charge - owed)
                add(.contractual, "45", owed - paid - responsibility)
            } else {
                add(.contractual, "45", line.charge - paid - responsibility)
            }
            return LineAdjudication(
                lineID: line.lineID, code: line.code, charge: line.charge, paid: paid, adjustments: adjustments)
        }
        return Adjudication(
            statusCode: secondary ? "2" : (seed % 11 == 0 ? "4" : "1"), payerClaimNumber: "ICN-\(counter)-\(seed)",
            payerID: claim.payerID!, adjudicatedOn: today, lines: result)
    }

    /// Picks and runs one command that makes sense in the claim's status.
    mutating func step(_ seed: Int) {
        today = today.adding(days: seed % 3)
        let period = april
        switch claim.status {
        case .none:
            let count = 1 + seed % 3
            let sessions = (0..<count).map { i in
                Fx.session(
                    SessionID("s-\(i)"), on: "2026-03-0\(2 + i)", code: i == 1 ? "90834" : "90837",
                    minutes: i == 1 ? 45 : 60, charge: i == 1 ? "150.00" : "200.00")
            }
            run(
                .create(
                    claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: Fx.medicaid, sessions: sessions,
                    authorizationNumber: "AUTH-77", on: today, period: period))
        case .awaitingNextPayer where claim.crossedOver:
            // Crossed over: the next payer's 835 comes without an 837P.
            adjudicate(seed, period)
        case .draft, .rejected, .awaitingNextPayer:
            run(.scrub(context, on: today))
            if seed % 13 == 0 {
                run(.void(reason: "not needed", on: today, period: period))
            } else {
                run(.submit(on: today))
            }
        case .submitted, .acknowledged:
            switch seed % 6 {
            case 0: run(.reject(category: "A7", statusCode: "33", message: "bad id", on: today))
            case 1: run(.acknowledge(payerClaimNumber: "P-1", on: today))
            default:
                adjudicate(seed, period)
            }
        case .adjudicated, .denied, .closed:
            money(seed, period)
        case .voidPending:
            run(.submit(on: today))
        case .voided:
            break
        }
    }

    /// Posts a remittance from the current payer, with the next payer taken from the patient's COB order; now and
    /// then the payer forwards the claim itself (CLP02 19, a crossover).
    mutating func adjudicate(_ seed: Int, _ period: AccountingPeriod) {
        var adjudication = remit(seed)
        if claim.payerOrder < .tertiary, adjudication.statusCode == "1", seed % 5 == 0 { adjudication.statusCode = "19" }
        let context = Claim.AdjudicationContext(
            denialID: DenialID(next("d")), claim: claim, practice: Fx.practice, patient: patient)
        run(.adjudicate(adjudication, context: context, on: today, period: period))
    }

    mutating func money(_ seed: Int, _ period: AccountingPeriod) {
        switch seed % 10 {
        case 0:
            if let last = claim.adjudications.last(where: { !$0.reversed }) {
                run(
                    .reverseAdjudication(
                        payerClaimNumber: last.adjudication.payerClaimNumber, on: today, period: period))
            }
        case 1:
            let amount = claim.patientBalance.percentage(50 + seed % 50)
            let before = claim.patientPaid
            let id = PaymentID(next("pay"))
            run(.applyPatientPayment(id, amount: amount, on: today, period: period))
            if claim.patientPaid != before {
                runAccount(.receivePayment(id, amount: amount, method: .card, on: today, period: period))
            }
        case 2:
            let amount = -claim.patientBalance
            let before = claim.refunds
            let id = PaymentID(next("ref"))
            run(.refundPatient(id, amount: amount, on: today, period: period))
            if claim.refunds != before { runAccount(.issueRefund(id, amount: amount, on: today, period: period)) }
        case 3:
            let amount = claim.patientBalance.percentage(seed % 100)
            let before = claim.writeOffs
            run(
                .writeOff(
                    amount: amount, reason: .smallBalance, side: .patient, denialID: nil, on: today, period: period))
            if claim.writeOffs != before {
                runAccount(.writeOff(amount: amount, reason: .smallBalance, on: today, period: period))
            }
        case 4:
            let denial = claim.openDenials.first?.denialID
            run(
                .writeOff(
                    amount: claim.insuranceBalance.percentage(seed % 101), reason: .denial, side: .insurance,
                    denialID: denial, on: today, period: period))
        case 5:
            run(
                .transferToPatient(
                    amount: claim.insuranceBalance.percentage(seed % 100), reason: "non-covered", on: today,
                    period: period))
        case 6:
            if let denial = claim.openDenials.first {
                run(
                    seed % 2 == 0
                        ? .appeal(denial.denialID, reference: "APL", on: today)
                        : .assignDenial(denial.denialID, owner: "staff", dueDate: nil, on: today))
            }
            let denialID = DenialID(next("d"))
            run(.adjudicate(remit(seed), context: .init(denialID: denialID), on: today, period: period))
        case 7:
            run(
                .correct(
                    sessions: [Fx.session(code: "90834", minutes: 45, charge: "150.00")], reason: "fix", on: today,
                    period: period))
        case 8:
            run(.close(on: today))
        default:
            run(.reopen(reason: "audit", on: today))
        }
    }

    /// The invariants that must hold after every step.
    func check() {
        let c = claim
        #expect(
            c.charges == c.insurancePaid + c.patientPaid + c.adjustments + c.writeOffs - c.refunds + c.balance,
            "claim identity broken at status \(c.status)")
        let a = account
        #expect(
            a.charges == a.patientPaid + a.adjustments + a.writeOffs - a.refunds + a.balance, "account identity broken")
        #expect(
            a.balance == c.patientBalance,
            "account balance \(a.balance) differs from the claim's patient balance \(c.patientBalance)")
        #expect(!c.authorizationUnitsHeld.isNegative)
        for auth in patient.authorizations.values {
            #expect(
                !auth.consumed.isNegative && !auth.remaining.isNegative, "authorization \(auth.number) went negative")
        }
        #expect(patient.authorizations["AUTH-77"]?.consumed == c.authorizationUnitsHeld)
        // The insurance balance may go below zero after a correction lowers the charge of an adjudicated
        // claim: the payer then owes a reversal. That is a fact to work, not a broken invariant.
    }
}

@Suite("Properties")
struct PropertyTests {
    @Test("money balances to the cent and units never go negative over random command sequences, through COB and crossovers")
    func invariants() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000).array(of: 1...60)) { seeds in
            var world = World()
            for seed in seeds {
                world.step(seed)
                world.check()
            }
        }
    }

    @Test("random sequences exercise the whole lifecycle")
    func coverage() {
        var statuses = Set<Claim.Status>()
        var orders = Set<PayerOrder>()
        var crossovers = 0
        var accepted = 0
        for run in 0..<200 {
            var world = World()
            for i in 0..<60 {
                world.step((run * 7919 + i * 104_729) % 10_007)
                statuses.insert(world.claim.status)
                orders.insert(world.claim.payerOrder)
                if world.claim.crossedOver { crossovers += 1 }
            }
            accepted += world.accepted
        }
        #expect(statuses.isSuperset(of: [.draft, .submitted, .adjudicated, .denied, .closed, .awaitingNextPayer]))
        #expect(orders.isSuperset(of: [.primary, .secondary, .tertiary]), "COB reaches every order: \(orders)")
        #expect(crossovers > 0, "some claims cross over")
        #expect(accepted > 2000)
    }
}

@Suite("Value properties")
struct ValuePropertyTests {
    @Test("money prints and parses back to the same cents")
    func moneyRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -1_000_000_000_000...1_000_000_000_000)) { cents in
            let money = Money(cents: Int64(cents))
            #expect(Money(parsing: money.description) == money)
        }
    }

    @Test("quantities print and parse back to the same thousandths")
    func quantityRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -10_000_000...10_000_000)) { thousandths in
            let quantity = Quantity(thousandths: Int64(thousandths))
            #expect(Quantity(parsing: quantity.description) == quantity)
        }
    }

    @Test("dates survive day arithmetic and text")
    func dateRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -200_000...200_000), Gen.int(in: -5000...5000)) { days, offset in
            let date = LocalDate(daysSinceEpoch: days)
            #expect(LocalDate(date.description) == date)
            #expect(date.adding(days: offset).adding(days: -offset) == date)
            #expect(date.days(to: date.adding(days: offset)) == offset)
            #expect((offset > 0) == (date.adding(days: offset) > date))
        }
    }
}
