import Billing
import Testing

/// One scrubber rule with a claim that passes it and one that fails it.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let id: String
    let pass: @Sendable () -> (Claim.State, ScrubContext)
    let fail: @Sendable () -> (Claim.State, ScrubContext)
    var testDescription: String { id }
}

private func base(_ claim: Claim.State, today: String = "2026-03-05") -> (Claim.State, ScrubContext) {
    (claim, Fx.context(today: today))
}

private func mutate(_ change: (inout Claim.State, inout ScrubContext) -> Void) -> (Claim.State, ScrubContext) {
    var (claim, context) = base(Fx.claim())
    change(&claim, &context)
    return (claim, context)
}

/// Facts of an identity the 837P carries as it is.
private let writable = IdentityFacts(
    lengths: [.lastName: 8, .firstName: 5, .memberID: 11, .address: 12], cityLength: 11)

/// The base claim with facts about the patient's identity.
private func identity(_ change: (inout IdentityFacts) -> Void) -> (Claim.State, ScrubContext) {
    let (claim, start) = base(Fx.claim())
    var context = start
    var facts = writable
    change(&facts)
    context.identity = facts
    return (claim, context)
}

private let emAndAddOn = Fx.session(
    code: "99214", minutes: 30, charge: "180.00", rendering: Fx.psychiatrist,
    extra: [ServiceLine(code: "90833", charge: usd("90.00"))])
private let telehealth = Fx.session(pos: "10", telehealth: .audioVideo, modifiers: ["95"])

/// A claim denied on 2026-03-20 and corrected: frequency 7 with the payer's claim number.
private func correctedClaim() -> Claim.State {
    let submitted = Fx.submittedClaim()
    let denied = Claim.replay(
        try! Claim.decide(
            .adjudicate(Fx.deniedRemit(), context: .init(denialID: "d-1"), on: day("2026-03-21"), period: Fx.may),
            submitted),
        from: submitted)
    return Claim.replay(
        try! Claim.decide(
            .correct(sessions: [Fx.session(minutes: 61)], reason: "note amended", on: day("2026-03-22"), period: Fx.may),
            denied),
        from: denied)
}

let ruleCases: [RuleCase] = eligibilityRuleCases + [
    RuleCase(
        id: "MH001", pass: { base(Fx.claim([Fx.session(minutes: 53)])) },
        fail: { base(Fx.claim([Fx.session(minutes: 45)])) }),
    RuleCase(
        id: "MH002", pass: { base(Fx.claim([emAndAddOn])) },
        fail: { base(Fx.claim([Fx.session(code: "90833", minutes: 30, rendering: Fx.psychiatrist)])) }),
    RuleCase(
        id: "MH003",
        pass: {
            base(
                Fx.claim([
                    Fx.session(code: "90834", minutes: 45, extra: [ServiceLine(code: "90785", charge: usd("25.00"))])
                ]))
        },
        fail: {
            base(
                Fx.claim([
                    Fx.session(code: "90839", minutes: 60, extra: [ServiceLine(code: "90785", charge: usd("25.00"))])
                ]))
        }),
    RuleCase(
        id: "MH004", pass: { base(Fx.claim([Fx.session(code: "90839", minutes: 60)])) },
        fail: {
            base(
                Fx.claim([
                    Fx.session(code: "90839", minutes: 60, extra: [ServiceLine(code: "90791", charge: usd("250.00"))])
                ]))
        }),
    RuleCase(
        id: "MH005", pass: { base(Fx.claim([Fx.session(code: "90834", minutes: 45)])) },
        fail: {
            base(
                Fx.claim([
                    Fx.session("s-1", code: "90834", minutes: 45),
                    Fx.session("s-2", code: "90834", minutes: 45, charge: "150.00"),
                ]))
        }),
    RuleCase(
        id: "MH006", pass: { base(Fx.claim([Fx.session(code: "90791", minutes: 60, charge: "250.00")])) },
        fail: {
            base(
                Fx.claim([
                    Fx.session(
                        code: "90791", minutes: 45, charge: "250.00",
                        extra: [ServiceLine(code: "90834", charge: usd("150.00"))])
                ]))
        }),
    RuleCase(
        id: "MH007", pass: { base(Fx.claim([emAndAddOn])) },
        fail: {
            base(
                Fx.claim([
                    Fx.session(
                        code: "99214", minutes: 45, charge: "180.00", rendering: Fx.psychiatrist,
                        extra: [ServiceLine(code: "90834", charge: usd("150.00"))])
                ]))
        }),
    RuleCase(
        id: "MH008", pass: { base(Fx.claim([telehealth])) },
        fail: { base(Fx.claim([Fx.session(pos: "11", telehealth: .audioVideo, modifiers: ["95"])])) }),
    RuleCase(
        id: "MH009", pass: { base(Fx.claim([telehealth])) },
        fail: { base(Fx.claim([Fx.session(pos: "10", telehealth: .audioVideo)])) }),
    RuleCase(id: "MH010", pass: { base(Fx.claim()) }, fail: { mutate { _, ctx in ctx.patient.coverages = [:] } }),
    RuleCase(
        id: "MH011", pass: { base(Fx.claim(payer: Fx.medicaid, auth: "AUTH-77")) },
        fail: { base(Fx.claim(payer: Fx.medicaid)) }),
    RuleCase(
        id: "MH012", pass: { base(Fx.claim(payer: Fx.medicaid, auth: "AUTH-77")) },
        fail: {
            base(Fx.claim([Fx.session(on: "2026-07-02")], payer: Fx.medicaid, auth: "AUTH-77"), today: "2026-07-03")
        }),
    RuleCase(
        id: "MH013", pass: { base(Fx.claim(payer: Fx.medicaid, auth: "AUTH-77")) },
        fail: {
            var (claim, ctx) = base(Fx.claim(payer: Fx.medicaid, auth: "AUTH-77"))
            ctx.patient.authorizations["AUTH-77"]?.consumed = units(10)
            claim.authorizationUnitsHeld = .zero
            return (claim, ctx)
        }),
    RuleCase(id: "MH014", pass: { base(Fx.claim()) }, fail: { base(Fx.claim(), today: "2026-06-15") }),
    RuleCase(id: "MH015", pass: { base(Fx.claim()) }, fail: { base(Fx.claim(), today: "2026-05-25") }),
    RuleCase(
        id: "MH016", pass: { base(Fx.claim()) },
        fail: { mutate { _, ctx in ctx.practice.providers[Fx.therapist]?.npi = "1234567890" } }),
    RuleCase(
        id: "MH017", pass: { base(Fx.claim()) }, fail: { mutate { claim, _ in claim.lines[0].diagnosisPointers = [2] } }
    ),
    RuleCase(
        id: "MH018", pass: { base(Fx.claim()) },
        fail: { mutate { claim, _ in claim.diagnoses = Array(repeating: dx("F32.9"), count: 13) } }),
    RuleCase(id: "MH019", pass: { base(Fx.claim()) }, fail: { base(Fx.claim([Fx.session(diagnoses: [dx("F32")])])) }),
    RuleCase(
        id: "MH020", pass: { base(Fx.claim(payer: Fx.medicaid, auth: "AUTH-77")) },
        fail: { base(Fx.claim([Fx.session(diagnoses: [dx("Z63.0")])], payer: Fx.medicaid, auth: "AUTH-77")) }),
    RuleCase(
        id: "MH021",
        pass: {
            var other = Fx.claim([Fx.session("s-9", on: "2026-03-09")])
            other.claimID = "c-2"
            return (Fx.claim(), Fx.context(others: [other]))
        },
        fail: {
            var other = Fx.submittedClaim([Fx.session("s-9")])
            other.claimID = "c-2"
            return (Fx.claim(), Fx.context(others: [other]))
        }),
    RuleCase(id: "MH022", pass: { base(Fx.claim()) }, fail: { base(Fx.claim([Fx.session(charge: "0.00")])) }),
    RuleCase(
        id: "MH023", pass: { base(Fx.claim([Fx.session(rendering: Fx.associate)])) },
        fail: { mutate { claim, _ in claim.lines[0].rendering = Fx.associate } }),
    RuleCase(
        id: "MH024", pass: { base(Fx.claim()) },
        fail: { base(Fx.claim([Fx.session(rendering: Fx.psychiatrist)], payer: Fx.medicaid, auth: "AUTH-77")) }),
    RuleCase(id: "MH025", pass: { base(Fx.claim()) }, fail: { base(Fx.claim([Fx.session(charge: "190.00")])) }),
    RuleCase(id: "MH026", pass: { base(Fx.claim()) }, fail: { base(Fx.claim([Fx.session(code: "99201")])) }),
    RuleCase(id: "MH027", pass: { base(Fx.claim()) }, fail: { base(Fx.claim([Fx.session(diagnoses: [dx("M54.5")])])) }),
    RuleCase(
        id: "MH028", pass: { base(Fx.claim([Fx.session(code: "90853", minutes: 90, charge: "60.00")])) },
        fail: {
            mutate { claim, _ in
                claim.lines[0].code = "90853"
                claim.lines[0].units = units(2)
            }
        }),
    RuleCase(
        id: "MH029", pass: { base(Fx.claim([telehealth])) }, fail: { base(Fx.claim([Fx.session(modifiers: ["ZZ"])])) }),
    RuleCase(
        id: "MH030", pass: { (correctedClaim(), Fx.context(today: "2026-04-01")) },
        fail: { (correctedClaim(), Fx.context(today: "2026-07-01")) }),
    RuleCase(
        id: "MH031", pass: { (correctedClaim(), Fx.context(today: "2026-04-01")) },
        fail: {
            var claim = correctedClaim()
            claim.payerClaimNumber = nil
            return (claim, Fx.context(today: "2026-04-01"))
        }),
    RuleCase(id: "MH032", pass: { identity { _ in } }, fail: { identity { $0.lengths[.memberID] = 0 } }),
    RuleCase(id: "MH033", pass: { identity { $0.lengths[.lastName] = 60 } }, fail: { identity { $0.lengths[.lastName] = 61 } }),
    RuleCase(id: "MH034", pass: { identity { _ in } }, fail: { identity { $0.unwritable = [.firstName] } }),
    RuleCase(id: "MH035", pass: { identity { _ in } }, fail: { identity { $0.replaced = [.lastName] } }),
    RuleCase(
        id: "MH036", pass: { identity { _ in } },
        fail: {
            identity {
                $0.addressReads = false
                $0.cityLength = nil
            }
        }),
]

@Suite("Scrubber")
struct ScrubberTests {
    @Test("a clean claim has no findings")
    func clean() {
        #expect(Scrubber.scrub(claim: Fx.claim(), context: Fx.context()) == [])
    }

    @Test("every rule has a passing and a failing case", arguments: ruleCases + ruleCases2026)
    func rule(_ ruleCase: RuleCase) {
        let (good, goodContext) = ruleCase.pass()
        let passing = Scrubber.scrub(claim: good, context: goodContext).filter { $0.ruleID == ruleCase.id }
        #expect(passing == [], "\(ruleCase.id) should pass")
        let (bad, badContext) = ruleCase.fail()
        let failing = Scrubber.scrub(claim: bad, context: badContext).filter { $0.ruleID == ruleCase.id }
        #expect(!failing.isEmpty, "\(ruleCase.id) should fail")
        let severity = Scrubber.rules.first { $0.id == ruleCase.id }?.severity
        #expect(failing.allSatisfy { $0.severity == severity && !$0.message.isEmpty })
    }

    @Test("rule ids are unique, ordered, and all have a test case")
    func ruleTable() {
        let ids = Scrubber.rules.map(\.id)
        #expect(ids.count >= 20)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        #expect(Set((ruleCases + ruleCases2026).map(\.id)) == Set(ids))
    }

    @Test("identity findings name the part and the element, and go quiet without facts")
    func identityMessages() {
        let (claim, _) = base(Fx.claim())
        var facts = writable
        facts.lengths[.firstName] = 36
        facts.lengths[.memberID] = 1
        facts.cityLength = 31
        var context = Fx.context()
        context.identity = facts
        let messages = Scrubber.scrub(claim: claim, context: context).map { "\($0.ruleID) \($0.message)" }
        #expect(messages.contains("MH032 The patient's member id is shorter than 2 characters; the 837P requires 2 to 80 (2010BA NM109)."))
        #expect(messages.contains("MH033 The patient's first name is longer than the 35 characters the 837P allows (NM104); enter it as the payer has it on file."))
        #expect(messages.contains("MH033 The city of the patient's address is longer than 30 characters; the 837P allows 2 to 30 (N401)."))
        facts.unwritable = [.memberID, .address]
        context.identity = facts
        let unwritable = Scrubber.scrub(claim: claim, context: context).filter { $0.ruleID >= "MH032" }.map(\.message)
        #expect(unwritable.filter { $0.contains("X12 cannot carry") }.count == 2, "one finding per part, no length finding for them")
        #expect(!unwritable.contains { $0.contains("member id is") || $0.contains("city") })
        context.identity = nil
        #expect(Scrubber.scrub(claim: claim, context: context).filter { $0.ruleID >= "MH032" }.isEmpty)
    }

    @Test("a dependent's claim is not held for the patient's own member id (2010BA carries the subscriber's)")
    func dependentMemberID() {
        let (claim, start) = identity { $0.lengths[.memberID] = 0 }
        #expect(Scrubber.scrub(claim: claim, context: start).contains { $0.ruleID == "MH032" })
        var context = start
        for id in context.patient.coverages.keys { context.patient.coverages[id]?.relation = .child }
        #expect(Scrubber.scrub(claim: claim, context: context).filter { $0.ruleID == "MH032" }.isEmpty)
    }

    @Test("the time-band message reads as a clerk would say it")
    func timeBandMessage() {
        let findings = Scrubber.scrub(claim: Fx.claim([Fx.session(minutes: 45)]), context: Fx.context())
        #expect(
            findings.first { $0.ruleID == "MH001" }?.message
                == "90837 needs at least 53 minutes; the session lasted 45.")
    }
}
