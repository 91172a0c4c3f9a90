import Billing
import Testing

/// The practice turned into an FQHC: one of its providers carries the FQHC taxonomy.
private func atClinic(_ claim: Claim.State) -> (Claim.State, ScrubContext) {
    var context = Fx.context()
    context.practice.providers[Fx.psychiatrist]?.taxonomy = "261QF0400X"
    return (claim, context)
}

private let audioOnly = Fx.session(pos: "10", telehealth: .audioOnly, modifiers: ["93"])

/// A collaborative-care month: the base code, the minutes, and optionally +99494 × n.
private func collaborativeCare(_ code: String, minutes: Int, addOnUnits: Int = 0) -> Claim.State {
    let extra = addOnUnits == 0 ? [] : [ServiceLine(code: "99494", units: units(addOnUnits), charge: usd("60.00"))]
    return Fx.claim([
        Fx.session(code: code, minutes: minutes, charge: "160.00", rendering: Fx.psychiatrist, extra: extra)
    ])
}

/// The 2026 behavioral-health rules and the scrubber's new checks, each with a passing and a failing claim.
let ruleCases2026: [RuleCase] = [
    RuleCase(
        id: "MH037", pass: { (Fx.claim(), Fx.context(today: "2026-03-02")) },
        fail: { (Fx.claim(), Fx.context(today: "2026-03-01")) }),
    RuleCase(
        id: "MH038", pass: { (Fx.claim([audioOnly]), Fx.context()) },
        fail: { (Fx.claim([Fx.session(pos: "11", telehealth: .audioOnly, modifiers: ["93"])]), Fx.context()) }),
    RuleCase(
        id: "MH039", pass: { atClinic(Fx.claim([Fx.session(pos: "10", telehealth: .audioOnly, modifiers: ["FQ"])])) },
        fail: { (Fx.claim([Fx.session(pos: "10", telehealth: .audioOnly, modifiers: ["FQ"])]), Fx.context()) }),
    RuleCase(
        id: "MH040", pass: { (collaborativeCare("99492", minutes: 36), Fx.context()) },
        fail: { (collaborativeCare("99492", minutes: 35), Fx.context()) }),
    RuleCase(
        id: "MH041", pass: { (Fx.claim([Fx.session(code: "G0553", minutes: 20, charge: "50.00")]), Fx.context()) },
        fail: {
            (
                Fx.claim([
                    Fx.session(code: "G0553", minutes: 20, charge: "50.00", pos: "10", telehealth: .audioVideo, modifiers: ["95"])
                ]), Fx.context()
            )
        }),
    RuleCase(
        id: "MH042",
        pass: {
            var context = Fx.context()
            context.practice.payers[Fx.acme]?.rules[0].copay = usd("20.00")
            return (Fx.claim(), context)
        },
        fail: {
            var context = Fx.context()
            context.practice.payers[Fx.acme]?.rules[0].copay = usd("30.00")
            return (Fx.claim(), context)
        }),
]

@Suite("Scrubber, 2026 behavioral-health rules")
struct Scrubber2026Tests {
    func ids(_ claim: Claim.State, _ context: ScrubContext = Fx.context(), rule: String) -> [String] {
        Scrubber.scrub(claim: claim, context: context).filter { $0.ruleID == rule }.map(\.message)
    }

    @Test("an audio-only session needs 93, and 93 is only for audio-only sessions")
    func audioOnlyModifier() {
        #expect(ids(Fx.claim([Fx.session(pos: "10", telehealth: .audioOnly)]), rule: "MH038") == [
            "90837 was an audio-only session and needs modifier 93."
        ])
        #expect(ids(Fx.claim([Fx.session(pos: "10", telehealth: .audioVideo, modifiers: ["95", "93"])]), rule: "MH038") == [
            "Modifier 93 means audio-only, but 90837 was not an audio-only session."
        ])
        // The payer's video modifier (95) is not asked of an audio-only line; its audio-only policy still is.
        let medicaid = Fx.claim([audioOnly], payer: Fx.medicaid, auth: "AUTH-77")
        #expect(ids(medicaid, rule: "MH009") == [])
        #expect(ids(Fx.claim([audioOnly]), rule: "MH009") == ["This payer does not pay audio-only sessions."])
    }

    @Test("an FQHC or RHC bills audio-only with 93 or FQ; FQ is for FQHCs and RHCs and for audio-only sessions")
    func fqModifier() {
        let (plain, clinic) = atClinic(Fx.claim([Fx.session(pos: "10", telehealth: .audioOnly)]))
        #expect(ids(plain, clinic, rule: "MH038") == ["90837 was an audio-only session and needs modifier 93 (or FQ, as an FQHC or RHC)."])
        for modifier in ["93", "FQ"] {
            let (claim, context) = atClinic(Fx.claim([Fx.session(pos: "10", telehealth: .audioOnly, modifiers: [modifier])]))
            #expect(ids(claim, context, rule: "MH038") + ids(claim, context, rule: "MH039") == [], "\(modifier)")
        }
        let (video, videoClinic) = atClinic(Fx.claim([Fx.session(pos: "10", telehealth: .audioVideo, modifiers: ["95", "FQ"])]))
        #expect(ids(video, videoClinic, rule: "MH039") == ["Modifier FQ means audio-only, but 90837 was not an audio-only session."])
    }

    @Test("collaborative care counts the month's minutes by the CPT time rule", arguments: [
        ("99492", 36, 0, true), ("99492", 35, 0, false), ("99493", 31, 0, true), ("99493", 30, 0, false),
        ("99492", 86, 1, true), ("99492", 85, 1, false), ("99493", 76, 1, true), ("99493", 75, 1, false),
        ("99492", 116, 2, true), ("99492", 115, 2, false),
    ])
    func collaborativeCareMinutes(code: String, minutes: Int, addOns: Int, passes: Bool) {
        let found = ids(collaborativeCare(code, minutes: minutes, addOnUnits: addOns), rule: "MH040")
        #expect(found.isEmpty == passes, "\(code) \(minutes) min + 99494 × \(addOns): \(found)")
    }

    @Test("+99494 alone is an add-on without its primary")
    func collaborativeCareAddOnAlone() {
        let claim = Fx.claim([Fx.session(code: "99494", minutes: 30, charge: "60.00", rendering: Fx.psychiatrist)])
        #expect(ids(claim, rule: "MH002") == ["99494 is an add-on and needs 99492 or 99493 on 2026-03-02."])
    }

    @Test("digital mental health treatment codes are refused with place of service 02 and 10 only", arguments: [
        ("G0552", "11", true), ("G0553", "02", false), ("G0554", "10", false), ("G0552", "12", true),
    ])
    func digitalMentalHealth(code: String, pos: String, passes: Bool) {
        let mode: TelehealthMode? = pos == "02" || pos == "10" ? .audioVideo : nil
        let claim = Fx.claim([Fx.session(code: code, minutes: 20, charge: "50.00", pos: pos, telehealth: mode)])
        #expect(ids(claim, rule: "MH041").isEmpty == passes)
    }

    @Test("90785 goes only with 90791, 90792, 90832–90838 or 90853", arguments: [
        ("90791", true), ("90792", true), ("90832", true), ("90834", true), ("90837", true), ("90853", true),
        ("90846", false), ("96130", false), ("99214", false),
    ])
    func interactiveComplexity(primary: String, passes: Bool) {
        let claim = Fx.claim([
            Fx.session(code: primary, minutes: 60, rendering: Fx.psychiatrist, extra: [ServiceLine(code: "90785", charge: usd("25.00"))])
        ])
        let found = ids(claim, rule: "MH003")
        #expect(found.isEmpty == passes, "\(primary): \(found)")
    }

    @Test("a session dated after today is held with its date named")
    func futureDate() {
        #expect(ids(Fx.claim([Fx.session(on: "2026-03-09")]), rule: "MH037") == [
            "90837 is dated 2026-03-09, after today (2026-03-05); bill a session once it has taken place."
        ])
    }

    @Test("the duplicate rule ignores a claim that was never submitted")
    func duplicateOfDraft() {
        var draft = Fx.claim([Fx.session("s-9")])
        draft.claimID = "c-2"
        #expect(ids(Fx.claim(), Fx.context(others: [draft]), rule: "MH021") == [])
        var submitted = Fx.submittedClaim([Fx.session("s-9")])
        submitted.claimID = "c-2"
        #expect(ids(Fx.claim(), Fx.context(others: [submitted]), rule: "MH021").count == 1)
    }

    @Test("the copay warning names both amounts")
    func copayMessage() {
        var context = Fx.context()
        context.practice.payers[Fx.acme]?.rules[0].copay = usd("30.00")
        #expect(ids(Fx.claim(), context, rule: "MH042") == [
            "The patient's coverage has a copay of 20.00; this payer's rule says 30.00 from 2026-01-01. Check the patient's plan."
        ])
    }
}
