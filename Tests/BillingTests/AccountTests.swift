import Billing
import Testing

@Suite("Patient account decider")
struct AccountTests {
    let date = day("2026-03-02")
    let march = period("2026-03")

    func decide(_ command: PatientAccount.Command, _ state: PatientAccount.State) throws(PatientAccount.Rejection)
        -> [PatientAccount.Event]
    {
        try PatientAccount.decide(command, state)
    }

    func opened(selfPay: Bool = false) -> PatientAccount.State {
        PatientAccount.replay([.opened(.init(patientKey: Fx.patient, selfPay: selfPay, effectiveDate: date))])
    }

    func holds(_ s: PatientAccount.State) -> Bool {
        s.charges == s.patientPaid + s.adjustments + s.writeOffs - s.refunds + s.balance
    }

    @Test("open, charge, pay, overpay and refund the credit")
    func paymentsAndRefunds() throws {
        #expect(throws: PatientAccount.Rejection.notOpen) {
            try decide(
                .receivePayment("p", amount: usd("1.00"), method: .card, on: date, period: march),
                PatientAccount.initial)
        }
        #expect(throws: PatientAccount.Rejection.alreadyOpen) {
            try decide(.open(Fx.patient, selfPay: false, on: date), opened())
        }
        var (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .postCharge(.claim("c-1"), amount: usd("24.00"), on: date, period: march), to: opened())
        (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .receivePayment("p-1", amount: usd("30.00"), method: .card, on: date, period: march), to: s)
        #expect(s.balance == usd("-6.00") && s.credit == usd("6.00") && holds(s))
        #expect(throws: PatientAccount.Rejection.duplicatePayment("p-1")) {
            try decide(.receivePayment("p-1", amount: usd("1.00"), method: .cash, on: date, period: march), s)
        }
        #expect(throws: PatientAccount.Rejection.exceedsCredit(amount: usd("7.00"), credit: usd("6.00"))) {
            try decide(.issueRefund("r-1", amount: usd("7.00"), on: date, period: march), s)
        }
        (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .issueRefund("r-1", amount: usd("6.00"), on: date, period: march), to: s)
        #expect(s.balance == .zero && s.refunds == usd("6.00") && holds(s))
    }

    @Test("charges are reversed only up to what was charged from that source")
    func reverseCharge() throws {
        let (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .postCharge(.claim("c-1"), amount: usd("24.00"), on: date, period: march), to: opened())
        #expect(throws: PatientAccount.Rejection.exceedsCharge(amount: usd("25.00"), charged: usd("24.00"))) {
            try decide(.reverseCharge(.claim("c-1"), amount: usd("25.00"), on: date, period: march), s)
        }
        let (r, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .reverseCharge(.claim("c-1"), amount: usd("24.00"), on: date, period: march), to: s)
        #expect(r.charges == .zero && r.balance == .zero && holds(r))
    }

    @Test("adjustments and write-offs reduce the balance; statements need something due")
    func adjustWriteOffStatement() throws {
        #expect(throws: PatientAccount.Rejection.nothingDue) {
            try decide(.generateStatement("st-1", dueDate: date, on: date), opened())
        }
        var (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .postCharge(.session("s-1"), amount: usd("100.00"), on: date, period: march), to: opened(selfPay: true))
        (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .adjust(amount: usd("30.00"), reason: "sliding scale", on: date, period: march), to: s)
        (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .writeOff(amount: usd("5.00"), reason: .courtesy, on: date, period: march), to: s)
        #expect(s.balance == usd("65.00") && holds(s))
        #expect(throws: PatientAccount.Rejection.timelyFilingNotPatients) {
            try decide(.writeOff(amount: usd("1.00"), reason: .timelyFiling, on: date, period: march), s)
        }
        #expect(throws: PatientAccount.Rejection.exceedsBalance(amount: usd("66.00"), balance: usd("65.00"))) {
            try decide(.adjust(amount: usd("66.00"), reason: "x", on: date, period: march), s)
        }
        let events = try decide(.generateStatement("st-1", dueDate: day("2026-04-01"), on: date), s)
        #expect(
            events == [
                .statementGenerated(
                    .init(
                        patientKey: Fx.patient, documentID: "st-1", amountDue: usd("65.00"), dueDate: day("2026-04-01"),
                        effectiveDate: date))
            ])
    }

    @Test("a Good Faith Estimate flags self-pay charges 400.00 or more above it")
    func goodFaithEstimate() throws {
        #expect(throws: PatientAccount.Rejection.notSelfPay) {
            try decide(
                .createEstimate(
                    "gfe-1", items: [EstimateItem(code: "90837", quantity: 4, unitCharge: usd("200.00"))],
                    validThrough: day("2026-12-31"), on: date), opened())
        }
        var (s, _) = try apply(
            PatientAccount.decide, PatientAccount.evolve,
            .createEstimate(
                "gfe-1", items: [EstimateItem(code: "90837", quantity: 4, unitCharge: usd("200.00"))],
                validThrough: day("2026-12-31"), on: date), to: opened(selfPay: true))
        #expect(s.estimate?.total == usd("800.00"))
        for n in 1...5 {
            (s, _) = try apply(
                PatientAccount.decide, PatientAccount.evolve,
                .postCharge(.session(SessionID("s-\(n)")), amount: usd("200.00"), on: date, period: march), to: s)
        }
        let below = try decide(.postCharge(.session("s-6"), amount: usd("199.99"), on: date, period: march), s)
        guard case .chargePosted(let b) = below[0] else {
            Issue.record("expected charge")
            return
        }
        #expect(!b.goodFaithEstimateExceeded)
        let at = try decide(.postCharge(.session("s-6"), amount: usd("200.00"), on: date, period: march), s)
        guard case .chargePosted(let a) = at[0] else {
            Issue.record("expected charge")
            return
        }
        #expect(a.goodFaithEstimateExceeded)
    }

    @Test("a superbill needs lines and a valid NPI")
    func superbill() throws {
        let bill = Superbill(
            providerNPI: "1234567893",
            lines: [SuperbillLine(dateOfService: date, code: "90837", diagnoses: [dx("F41.1")], charge: usd("200.00"))],
            amountPaid: usd("200.00"))
        #expect(
            try decide(.issueSuperbill("sb-1", bill, on: date), opened(selfPay: true)) == [
                .superbillIssued(
                    .init(patientKey: Fx.patient, documentID: "sb-1", superbill: bill, effectiveDate: date))
            ])
        var bad = bill
        bad.providerNPI = "1234567890"
        #expect(throws: PatientAccount.Rejection.invalidNPI("1234567890")) {
            try decide(.issueSuperbill("sb-1", bad, on: date), opened())
        }
        bad.lines = []
        #expect(throws: PatientAccount.Rejection.empty) { try decide(.issueSuperbill("sb-1", bad, on: date), opened()) }
    }
}
