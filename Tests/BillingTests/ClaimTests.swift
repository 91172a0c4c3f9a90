import Billing
import Testing

@Suite("Claim decider")
struct ClaimTests {
    func decide(_ command: Claim.Command, _ state: Claim.State) throws(Claim.Rejection) -> [Claim.Event] {
        try Claim.decide(command, state)
    }

    @Test("create builds numbered lines, merges diagnoses and posts the charges")
    func create() throws {
        let sessions = [
            Fx.session("s-1", diagnoses: [dx("F32.9"), dx("F41.1")]),
            Fx.session("s-2", on: "2026-03-09", diagnoses: [dx("F41.1")]),
        ]
        let events = try decide(
            .create(
                claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: Fx.acme, sessions: sessions,
                authorizationNumber: nil, on: day("2026-03-10"), period: Fx.may), Claim.initial)
        guard case .created(let e) = try #require(events.first) else {
            Issue.record("expected created")
            return
        }
        #expect(e.lines.map(\.lineID.rawValue) == ["RC-1001-1", "RC-1001-2"])
        #expect(e.diagnoses == [dx("F32.9"), dx("F41.1")])
        #expect(e.lines[1].diagnosisPointers == [2])
        #expect(e.charges == usd("400.00"))
        #expect(e.period == Fx.may)
        let state = Claim.replay(events)
        #expect(state.status == .draft && state.insuranceBalance == usd("400.00") && balances(state))
    }

    @Test("create rejects mixed patients, duplicates, no sessions and an existing claim")
    func createRejections() {
        var other = Fx.session("s-2")
        other.patientKey = "pk-2"
        let create = { (sessions: [SessionRecord]) in
            Claim.Command.create(
                claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: Fx.acme, sessions: sessions,
                authorizationNumber: nil, on: day("2026-03-10"), period: Fx.may)
        }
        #expect(throws: Claim.Rejection.mixedPatients) { try decide(create([Fx.session(), other]), Claim.initial) }
        #expect(throws: Claim.Rejection.duplicateSession("s-1")) {
            try decide(create([Fx.session(), Fx.session()]), Claim.initial)
        }
        #expect(throws: Claim.Rejection.noSessions) { try decide(create([]), Claim.initial) }
        #expect(throws: Claim.Rejection.alreadyCreated) { try decide(create([Fx.session()]), Fx.claim()) }
        #expect(throws: Claim.Rejection.notCreated) { try decide(.submit(on: day("2026-03-10")), Claim.initial) }
    }

    @Test("scrub records findings and a clean claim becomes ready to submit")
    func scrub() throws {
        let (state, events) = try apply(
            Claim.decide, Claim.evolve, .scrub(Fx.context(), on: day("2026-03-03")), to: Fx.claim())
        guard case .scrubbed(let e) = events[0] else {
            Issue.record("expected scrubbed")
            return
        }
        #expect(e.findings == [] && e.passed)
        #expect(state.readyToSubmit)
        #expect(try decide(.scrub(Fx.context(), on: day("2026-03-04")), state).isEmpty, "unchanged and scrubbed: nothing new to record")
        let failing = Fx.claim([Fx.session(minutes: 45)])
        let (scrubbedOnce, _) = try apply(Claim.decide, Claim.evolve, .scrub(Fx.context(), on: day("2026-03-03")), to: failing)
        #expect(try decide(.scrub(Fx.context(), on: day("2026-03-04")), scrubbedOnce).isEmpty, "the same errors again: nothing new")
        #expect(try decide(.scrub(Fx.context(), on: day("2026-03-04")), Fx.claim()).count == 1, "never scrubbed: the verdict is recorded")
    }

    @Test("submit needs a passing scrub and consumes authorization units")
    func submit() throws {
        #expect(throws: Claim.Rejection.notScrubbed) { try decide(.submit(on: day("2026-03-03")), Fx.claim()) }
        let bad = Fx.claim([Fx.session(minutes: 45)])
        let (scrubbed, _) = try apply(Claim.decide, Claim.evolve, .scrub(Fx.context(), on: day("2026-03-03")), to: bad)
        #expect(throws: Claim.Rejection.scrubErrors(["MH001"])) { try decide(.submit(on: day("2026-03-03")), scrubbed) }

        let claim = Fx.claim([Fx.session(rendering: Fx.therapist)], payer: Fx.medicaid, auth: "AUTH-77")
        var ctx = Fx.context()
        ctx.patient.coverages["cov-3"] = Coverage(
            id: "cov-3", payerID: Fx.medicaid, order: .primary, effective: .always)
        let (ready, _) = try apply(Claim.decide, Claim.evolve, .scrub(ctx, on: day("2026-03-03")), to: claim)
        #expect(ready.findings.filter { $0.severity == .error } == [])
        let (submitted, events) = try apply(Claim.decide, Claim.evolve, .submit(on: day("2026-03-04")), to: ready)
        guard case .submitted(let e) = events[0] else {
            Issue.record("expected submitted")
            return
        }
        #expect(e.authorizationUnitsConsumed == units(1))
        #expect(submitted.status == .submitted && submitted.authorizationUnitsHeld == units(1))
        #expect(
            Claim.authorizationCommands(for: events[0], patientKey: Fx.patient)
                == [
                    .consumeAuthorizationUnits(
                        number: "AUTH-77", units: units(1), claimID: Fx.claimID, on: day("2026-03-04"))
                ])
    }

    @Test("acknowledge and reject follow a submission")
    func acknowledgeReject() throws {
        let submitted = Fx.submittedClaim()
        let (ack, _) = try apply(
            Claim.decide, Claim.evolve, .acknowledge(payerClaimNumber: "PCN-9", on: day("2026-03-04")), to: submitted)
        #expect(ack.status == .acknowledged && ack.payerClaimNumber == "PCN-9")
        let (rejected, _) = try apply(
            Claim.decide, Claim.evolve,
            .reject(category: "A7", statusCode: "21", message: "Invalid member id", on: day("2026-03-04")), to: ack)
        #expect(rejected.status == .rejected && !rejected.readyToSubmit)
        #expect(throws: Claim.Rejection.wrongStatus(action: "acknowledge", status: .draft)) {
            try decide(.acknowledge(payerClaimNumber: nil, on: day("2026-03-04")), Fx.claim())
        }
    }

    @Test("correct replaces lines; after adjudication the claim goes out as a replacement (frequency 7)")
    func correct() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1")
        let (denied, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        let fixed = Fx.session(code: "90834", minutes: 45, charge: "150.00")
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .correct(sessions: [fixed], reason: "wrong code", on: day("2026-03-22"), period: Fx.may), to: denied)
        guard case .corrected(let e) = events[0] else {
            Issue.record("expected corrected")
            return
        }
        #expect(e.frequency == .replacement && e.chargeChange == usd("-50.00") && e.resolvedDenials == ["d-1"])
        #expect(state.lines.map(\.lineID.rawValue) == ["RC-1001-2"] && state.status == .draft && balances(state))
        #expect(throws: Claim.Rejection.reasonRequired) {
            try decide(.correct(sessions: [fixed], reason: "", on: day("2026-03-22"), period: Fx.may), denied)
        }
        #expect(throws: Claim.Rejection.nothingToCorrect, "the sessions say what the claim says: nothing to renumber") {
            try decide(.correct(sessions: [Fx.session()], reason: "retry", on: day("2026-03-22"), period: Fx.may), denied)
        }
        #expect(throws: Claim.Rejection.notAdjudicatedYet(action: "correct", payer: Fx.acme)) {
            try decide(
                .correct(sessions: [fixed], reason: "x", on: day("2026-03-22"), period: Fx.may), Fx.submittedClaim())
        }
    }

    @Test("void reverses the charges, releases units and tells the payer only if it was filed")
    func void() throws {
        let (draftVoid, events) = try apply(
            Claim.decide, Claim.evolve, .void(reason: "duplicate", on: day("2026-03-04"), period: Fx.may),
            to: Fx.claim())
        guard case .voided(let e) = events[0] else {
            Issue.record("expected voided")
            return
        }
        #expect(e.frequency == .original && e.chargesReversed == usd("200.00"))
        #expect(
            draftVoid.charges == .zero && draftVoid.balance == .zero && draftVoid.status == .voided
                && balances(draftVoid))
        #expect(throws: Claim.Rejection.notAdjudicatedYet(action: "void", payer: Fx.acme), "the payer holds it, no CLP07 yet") {
            try decide(.void(reason: "sent in error", on: day("2026-03-04"), period: Fx.may), Fx.submittedClaim())
        }
        let (denied, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: .init(denialID: "d"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        let (pending, filed) = try apply(
            Claim.decide, Claim.evolve, .void(reason: "sent in error", on: day("2026-03-22"), period: Fx.may), to: denied)
        guard case .voided(let f) = filed[0] else {
            Issue.record("expected voided")
            return
        }
        #expect(f.frequency == .void && f.originalPayerClaimNumber == "ICN-2")
        #expect(pending.status == .voidPending && pending.originalPayerClaimNumber == "ICN-2" && balances(pending))
        let (sent, submitted) = try apply(Claim.decide, Claim.evolve, .submit(on: day("2026-03-23")), to: pending)
        guard case .submitted(let s) = submitted[0] else {
            Issue.record("expected submitted")
            return
        }
        #expect(s.frequency == .void && sent.status == .voided && sent.voidSent)
        let (paid, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: .init(denialID: "d"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        #expect(throws: Claim.Rejection.moneyPosted) {
            try decide(.void(reason: "x", on: day("2026-03-22"), period: Fx.may), paid)
        }
    }

    @Test("write-offs, transfers, payments and refunds are bounded by the balances")
    func moneyBounds() throws {
        let (paid, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: .init(denialID: "d"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        #expect(throws: Claim.Rejection.exceedsBalance(amount: usd("30.00"), balance: usd("24.00"))) {
            try decide(.applyPatientPayment("p", amount: usd("30.00"), on: day("2026-03-22"), period: Fx.may), paid)
        }
        #expect(throws: Claim.Rejection.nonPositiveAmount) {
            try decide(.applyPatientPayment("p", amount: .zero, on: day("2026-03-22"), period: Fx.may), paid)
        }
        #expect(throws: Claim.Rejection.exceedsCredit(amount: usd("1.00"), credit: usd("-24.00"))) {
            try decide(.refundPatient("r", amount: usd("1.00"), on: day("2026-03-22"), period: Fx.may), paid)
        }
        #expect(throws: Claim.Rejection.timelyFilingNotBillableToPatient) {
            try decide(
                .writeOff(
                    amount: usd("1.00"), reason: .timelyFiling, side: .patient, denialID: nil, on: day("2026-03-22"),
                    period: Fx.may), paid)
        }
        let (small, _) = try apply(
            Claim.decide, Claim.evolve,
            .writeOff(
                amount: usd("24.00"), reason: .smallBalance, side: .patient, denialID: nil, on: day("2026-03-22"),
                period: Fx.may), to: paid)
        #expect(small.balance == .zero && balances(small))
        #expect(throws: Claim.Rejection.cannotClose(balance: usd("24.00"), openDenials: 0)) {
            try decide(.close(on: day("2026-03-22")), paid)
        }
    }

    @Test("part of the insurance balance can be moved to the patient")
    func transferToPatient() throws {
        let (denied, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: .init(denialID: "d"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .transferToPatient(amount: usd("50.00"), reason: "signed waiver", on: day("2026-03-22"), period: Fx.may),
            to: denied)
        #expect(events.map(\.eventType) == ["claim.responsibility_transferred"])
        #expect(state.patientBalance == usd("50.00") && state.insuranceBalance == usd("150.00") && balances(state))
        #expect(throws: Claim.Rejection.reasonRequired) {
            try decide(
                .transferToPatient(amount: usd("1.00"), reason: "", on: day("2026-03-22"), period: Fx.may), denied)
        }
    }

    @Test("close and reopen")
    func closeReopen() throws {
        let (voided, _) = try apply(
            Claim.decide, Claim.evolve, .void(reason: "dup", on: day("2026-03-04"), period: Fx.may), to: Fx.claim())
        #expect(throws: Claim.Rejection.wrongStatus(action: "close", status: .voided)) {
            try decide(.close(on: day("2026-03-04")), voided)
        }
        var (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: .init(denialID: "d"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .applyPatientPayment("p", amount: usd("24.00"), on: day("2026-03-22"), period: Fx.may), to: state)
        (state, _) = try apply(Claim.decide, Claim.evolve, .close(on: day("2026-03-22")), to: state)
        #expect(throws: Claim.Rejection.reasonRequired) {
            try decide(.reopen(reason: "", on: day("2026-03-23")), state)
        }
        (state, _) = try apply(Claim.decide, Claim.evolve, .reopen(reason: "audit", on: day("2026-03-23")), to: state)
        #expect(state.status == .adjudicated)
        #expect(throws: Claim.Rejection.wrongStatus(action: "reopen", status: .adjudicated)) {
            try decide(.reopen(reason: "x", on: day("2026-03-23")), state)
        }
    }

    @Test("the substance-use flag follows the sessions onto the claim and its submission")
    func part2() throws {
        let sud = Fx.session(diagnoses: [dx("F10.20")])
        let claim = Fx.claim([sud])
        #expect(claim.substanceUse)
        #expect(!Fx.claim().substanceUse)
    }

    @Test("rejection messages read as sentences for a clerk")
    func messages() {
        #expect(
            Claim.Rejection.lineOutOfBalance("L1", charge: usd("200.00"), paid: usd("96.00"), adjustments: usd("70.00"))
                .description
                == "Line L1 does not balance: charged 200.00, paid 96.00, adjustments 70.00.")
        #expect(
            Claim.Rejection.wrongStatus(action: "submit", status: .voided).description
                == "Cannot submit a claim that is voided.")
    }

}

@Suite("Adjudication context")
struct AdjudicationContextTests {
    @Test("is built from the practice's rule and rates and the patient's next coverage")
    func fromStates() {
        let context = Claim.AdjudicationContext(
            denialID: "d-1", claim: Fx.submittedClaim(), practice: Fx.practice, patient: Fx.patientState)
        #expect(context.appealDays == 180)
        #expect(context.nextPayer == Fx.medicaid)
        #expect(context.expectedAllowed == ["RC-1001-1": usd("120.00")])
    }
}
