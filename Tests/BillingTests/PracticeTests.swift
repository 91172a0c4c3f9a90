import Billing
import Testing

@Suite("Practice decider")
struct PracticeTests {
    let date = day("2026-02-01")

    func decide(_ command: Practice.Command, _ state: Practice.State) throws(Practice.Rejection) -> [Practice.Event] {
        try Practice.decide(command, state)
    }

    @Test("configure sets up the practice once, with a time zone name")
    func configure() throws {
        let events = try decide(.configure(practiceID: "p", timeZone: "America/Denver", on: date), Practice.initial)
        #expect(events == [.configured(.init(practiceID: "p", timeZone: "America/Denver", effectiveDate: date))])
        #expect(throws: Practice.Rejection.alreadyConfigured) {
            try decide(.configure(practiceID: "p", timeZone: "UTC", on: date), Fx.practice)
        }
        #expect(throws: Practice.Rejection.invalidTimeZone("Mountain Time")) {
            try decide(.configure(practiceID: "p", timeZone: "Mountain Time", on: date), Practice.initial)
        }
        #expect(throws: Practice.Rejection.notConfigured) {
            try decide(.setFeeSchedule([], on: date), Practice.initial)
        }
    }

    @Test("addProvider checks the NPI and supervision")
    func addProvider() throws {
        let provider = Provider(id: "new", npi: "2123456784", taxonomy: "103T00000X", licence: .psychologist)
        #expect(
            try decide(.addProvider(provider, on: date), Fx.practice) == [
                .providerAdded(.init(provider: provider, effectiveDate: date))
            ])
        var badNPI = provider
        badNPI.npi = "2123456780"
        #expect(throws: Practice.Rejection.invalidNPI("2123456780")) {
            try decide(.addProvider(badNPI, on: date), Fx.practice)
        }
        var unsupervised = provider
        unsupervised.licence = .preLicensed
        #expect(throws: Practice.Rejection.supervisorRequired("new")) {
            try decide(.addProvider(unsupervised, on: date), Fx.practice)
        }
        #expect(throws: Practice.Rejection.providerExists(Fx.therapist)) {
            try decide(
                .addProvider(
                    Provider(id: Fx.therapist, npi: "1234567893", taxonomy: "x", licence: .physician), on: date),
                Fx.practice)
        }
    }

    @Test("enrollPayer and enrollProvider credential providers with payers")
    func enroll() throws {
        let events = try decide(
            .enrollPayer(payerID: "NEW", name: "New Plan", providers: [Fx.therapist], on: date), Fx.practice)
        #expect(
            events == [
                .payerEnrolled(.init(payerID: "NEW", name: "New Plan", providers: [Fx.therapist], effectiveDate: date))
            ])
        #expect(throws: Practice.Rejection.payerAlreadyEnrolled(Fx.acme)) {
            try decide(.enrollPayer(payerID: Fx.acme, name: "x", providers: [], on: date), Fx.practice)
        }
        #expect(throws: Practice.Rejection.unknownProvider("ghost")) {
            try decide(.enrollPayer(payerID: "NEW", name: "x", providers: ["ghost"], on: date), Fx.practice)
        }
        let (state, _) = try apply(
            Practice.decide, Practice.evolve, .enrollProvider(Fx.psychiatrist, payerID: Fx.medicaid, on: date),
            to: Fx.practice)
        #expect(state.payers[Fx.medicaid]?.providers.contains(Fx.psychiatrist) == true)
        #expect(throws: Practice.Rejection.unknownPayer("NOPE")) {
            try decide(.enrollProvider(Fx.therapist, payerID: "NOPE", on: date), Fx.practice)
        }
    }

    @Test("payer rules are effective-dated: the latest rule in force on the date of service applies")
    func payerRules() throws {
        let later = PayerRule(effectiveFrom: day("2026-07-01"), timelyFilingDays: 180, telehealthPlaces: ["11"])
        let (state, _) = try apply(
            Practice.decide, Practice.evolve, .setPayerRule(payerID: Fx.acme, rule: later, on: date), to: Fx.practice)
        #expect(state.rule(payer: Fx.acme, on: day("2026-06-30"))?.timelyFilingDays == 90)
        #expect(state.rule(payer: Fx.acme, on: day("2026-07-01"))?.telehealthPlaces == ["11"])
        #expect(state.rule(payer: Fx.acme, on: day("2025-12-31")) == nil)
        var bad = later
        bad.timelyFilingMarginDays = 200
        #expect(throws: Practice.Rejection.invalidRule("the warning margin must be shorter than the filing limit")) {
            try decide(.setPayerRule(payerID: Fx.acme, rule: bad, on: date), Fx.practice)
        }
    }

    @Test("contract rates and fee schedule are effective-dated and validated")
    func rates() throws {
        let raise = RateEntry(code: "90837", amount: usd("130.00"), effectiveFrom: day("2026-07-01"))
        let (state, _) = try apply(
            Practice.decide, Practice.evolve, .setContractRates(payerID: Fx.acme, rates: [raise], on: date),
            to: Fx.practice)
        #expect(state.expectedAllowed(payer: Fx.acme, code: "90837", on: day("2026-06-30")) == usd("120.00"))
        #expect(state.expectedAllowed(payer: Fx.acme, code: "90837", on: day("2026-07-01")) == usd("130.00"))
        let (fees, _) = try apply(
            Practice.decide, Practice.evolve,
            .setFeeSchedule(
                [RateEntry(code: "90837", amount: usd("210.00"), effectiveFrom: day("2026-01-01"))], on: date),
            to: Fx.practice)
        #expect(fees.fee(code: "90837", on: day("2026-03-01")) == usd("210.00"))
        #expect(throws: Practice.Rejection.invalidRate(code: "00000")) {
            try decide(
                .setFeeSchedule([RateEntry(code: "00000", amount: usd("1.00"), effectiveFrom: date)], on: date),
                Fx.practice)
        }
        #expect(throws: Practice.Rejection.invalidRate(code: "90837")) {
            try decide(
                .setContractRates(
                    payerID: Fx.acme, rates: [RateEntry(code: "90837", amount: usd("-1.00"), effectiveFrom: date)],
                    on: date), Fx.practice)
        }
    }

    @Test("periods close in order after they end, and late facts post to the open period")
    func closePeriod() throws {
        let (state, events) = try apply(
            Practice.decide, Practice.evolve, .closePeriod(period("2026-01"), on: day("2026-02-05")), to: Fx.practice)
        #expect(events == [.periodClosed(.init(period: period("2026-01"), effectiveDate: day("2026-02-05")))])
        #expect(state.postingPeriod(for: day("2026-01-20")) == period("2026-02"))
        #expect(state.postingPeriod(for: day("2026-03-20")) == period("2026-03"))
        #expect(throws: Practice.Rejection.periodAlreadyClosed(period("2026-01"))) {
            try decide(.closePeriod(period("2026-01"), on: day("2026-03-05")), state)
        }
        #expect(throws: Practice.Rejection.periodOutOfOrder(period("2026-03"), expected: period("2026-02"))) {
            try decide(.closePeriod(period("2026-03"), on: day("2026-04-05")), state)
        }
        #expect(throws: Practice.Rejection.periodNotEnded(period("2026-02"))) {
            try decide(.closePeriod(period("2026-02"), on: day("2026-02-28")), state)
        }
    }
}
