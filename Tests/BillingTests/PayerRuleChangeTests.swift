import Billing
import Testing

@Suite("Payer rules changed by date, authorization by code range")
struct PayerRuleChangeTests {
    @Test("a code range holds the codes of its shape between its ends", arguments: [
        ("90832-90838", "90834", true), ("90832-90838", "90839", false), ("96130", "96130", true), ("96130", "96131", false),
        ("H0001-H0005", "H0004", true), ("H0001-H0005", "T1015", false), ("H0001-H0005", "90834", false),
    ])
    func ranges(range: String, code: String, holds: Bool) throws {
        #expect(try #require(CodeRange(parsing: range)).contains(code) == holds)
    }

    @Test("a range with reversed ends, ends of different shapes or a short code does not read", arguments: [
        "90838-90832", "90832-H0005", "9613", "96130-", "-96130", "96130-96131-96132", "",
    ])
    func badRanges(text: String) {
        #expect(CodeRange(parsing: text) == nil)
    }

    @Test("a change keeps what it does not name and takes effect from its date")
    func change() {
        let base = PayerRule(effectiveFrom: day("2026-01-01"), timelyFilingDays: 120, telehealthModifiers: ["GT"], appealDays: 60)
        let rule = PayerRuleChange(authorization: .codes(["96130-96133"]), copay: .some(usd("30.00"))).applied(to: base, from: day("2026-07-01"))
        #expect(rule.effectiveFrom == day("2026-07-01") && rule.timelyFilingDays == 120 && rule.telehealthModifiers == ["GT"])
        #expect(rule.appealDays == 60 && rule.copay == usd("30.00"))
        #expect(rule.requiresAuthorization(for: "96131") && !rule.requiresAuthorization(for: "90834"))
        let cleared = PayerRuleChange(authorization: .notRequired, copay: .some(nil)).applied(to: rule, from: day("2026-09-01"))
        #expect(!cleared.requiresAuthorization(for: "96131") && cleared.copay == nil)
        #expect(PayerRuleChange().isEmpty && !PayerRuleChange(appealDays: 30).isEmpty)
    }

    @Test("the practice refuses a rule with a code that does not read, an unknown place of service or modifier, or a negative copay")
    func refused() throws {
        let practice = Fx.practice
        for (rule, why) in [
            (PayerRule(effectiveFrom: day("2026-07-01"), authorizationRequired: true, authorizationCodes: ["9613"]), "9613"),
            (PayerRule(effectiveFrom: day("2026-07-01"), telehealthPlaces: ["77"]), "77"),
            (PayerRule(effectiveFrom: day("2026-07-01"), telehealthModifiers: ["ZZ"]), "ZZ"),
            (PayerRule(effectiveFrom: day("2026-07-01"), copay: usd("-1.00")), "copay"),
        ] {
            #expect(throws: Practice.Rejection.self, "\(why)") {
                try Practice.decide(.setPayerRule(payerID: Fx.acme, rule: rule, on: day("2026-07-01")), practice)
            }
        }
        let later = PayerRule(effectiveFrom: day("2026-07-01"), authorizationRequired: true, authorizationCodes: ["96130-96133"])
        let state = Practice.replay(
            try Practice.decide(.setPayerRule(payerID: Fx.acme, rule: later, on: day("2026-07-01")), practice), from: practice)
        #expect(state.rule(payer: Fx.acme, on: day("2026-06-30"))?.authorizationRequired == false, "the earlier rule before its date")
        #expect(state.rule(payer: Fx.acme, on: day("2026-07-01"))?.requiresAuthorization(for: "96132") == true)
    }
}
