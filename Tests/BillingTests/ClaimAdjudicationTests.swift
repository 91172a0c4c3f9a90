import Billing
import Testing

@Suite("Claim adjudication, denials and reversals")
struct ClaimAdjudicationTests {
    func decide(_ command: Claim.Command, _ state: Claim.State) throws(Claim.Rejection) -> [Claim.Event] {
        try Claim.decide(command, state)
    }

    @Test("adjudicate posts the worked example and moves the coinsurance to the patient")
    func adjudicatePaid() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1", expectedAllowed: ["RC-1001-1": usd("120.00")])
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        #expect(events.map(\.eventType) == ["claim.adjudicated", "claim.responsibility_transferred"])
        guard case .adjudicated(let e) = events[0] else {
            Issue.record("expected adjudicated")
            return
        }
        #expect(e.posting.paid == usd("96.00") && e.posting.adjustments == usd("80.00"))
        #expect(e.posting.patientResponsibility.coinsurance == usd("24.00"))
        #expect(e.underpaidLines == [])
        #expect(state.insuranceBalance == .zero && state.patientBalance == usd("24.00") && balances(state))
        #expect(state.status == .adjudicated)
        #expect(
            Claim.accountCommands(for: events[1]) == [
                .postCharge(.claim(Fx.claimID), amount: usd("24.00"), on: day("2026-03-21"), period: Fx.may)
            ])
    }

    @Test("adjudicate flags an underpayment against the contracted rate")
    func underpaid() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1", expectedAllowed: ["RC-1001-1": usd("130.00")])
        let events = try decide(
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), Fx.submittedClaim())
        guard case .adjudicated(let e) = events[0] else {
            Issue.record("expected adjudicated")
            return
        }
        #expect(e.underpaidLines == ["RC-1001-1"])
    }

    @Test("adjudicate moves patient responsibility to the secondary payer when there is one")
    func secondary() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1", nextPayer: Fx.secondary)
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        guard case .responsibilityTransferred(let t) = events[1] else {
            Issue.record("expected transfer")
            return
        }
        #expect(t.to == .payer(Fx.secondary, .secondary))
        #expect(
            state.status == .awaitingNextPayer && state.payerID == Fx.secondary
                && state.insuranceBalance == usd("24.00"))
        // The secondary pays the rest; OA-23 is recorded, never posted.
        var secondCtx = Fx.context()
        secondCtx.patient.coverages["cov-9"] = Coverage(
            id: "cov-9", payerID: Fx.secondary, order: .tertiary, effective: .always)
        let (scrubbed, _) = try apply(Claim.decide, Claim.evolve, .scrub(secondCtx, on: day("2026-03-22")), to: state)
        let (sent, _) = try apply(Claim.decide, Claim.evolve, .submit(on: day("2026-03-22")), to: scrubbed)
        let remit = Adjudication(
            statusCode: "2", payerClaimNumber: "S-1", payerID: Fx.secondary, adjudicatedOn: day("2026-04-02"),
            lines: [
                LineAdjudication(
                    lineID: "RC-1001-1", code: "90837", charge: usd("200.00"), paid: usd("24.00"),
                    adjustments: [CASAdjustment(.other, "23", usd("176.00"))])
            ])
        let (done, more) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(remit, context: .init(denialID: "d-2"), on: day("2026-04-03"), period: period("2026-04")),
            to: sent)
        guard case .adjudicated(let s) = more[0] else {
            Issue.record("expected adjudicated")
            return
        }
        #expect(s.posting.priorPayerImpact == usd("176.00") && s.posting.adjustments == .zero)
        #expect(done.balance == .zero && done.insurancePaid == usd("120.00") && balances(done))
    }

    @Test("a line that pays nothing with CO-197 opens a denial, releases units and keeps the balance open")
    func denial() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1", appealDays: 60)
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        #expect(events.map(\.eventType) == ["claim.adjudicated", "claim.denied"])
        guard case .denied(let d) = events[1] else {
            Issue.record("expected denied")
            return
        }
        #expect(
            d.denial.dueDate == day("2026-05-19") && d.denial.amount == usd("200.00") && d.denial.remarks == ["N54"])
        #expect(state.status == .denied && state.insuranceBalance == usd("200.00") && state.adjustments == .zero)
    }

    @Test("CLP02 = 4 denies the whole claim; CO-45 alone with nothing paid is not a denial")
    func denialDefinition() {
        var remit = Fx.paidRemit()
        remit.statusCode = "4"
        remit.lines[0].paid = .zero
        remit.lines[0].adjustments = [
            CASAdjustment(.contractual, "45", usd("176.00")), CASAdjustment(.patient, "2", usd("24.00")),
        ]
        #expect(remit.isClaimDenied && !remit.lines[0].isDenied)
        #expect(
            LineAdjudication(
                lineID: "x", code: "90837", charge: usd("1.00"), paid: .zero,
                adjustments: [CASAdjustment(.payerInitiated, "16", usd("1.00"))]
            ).isDenied)
        #expect(
            !LineAdjudication(
                lineID: "x", code: "90837", charge: usd("1.00"), paid: .zero,
                adjustments: [CASAdjustment(.other, "23", usd("1.00"))]
            ).isDenied)
    }

    @Test("adjudicate rejects unbalanced lines, unknown lines, wrong payers, reversals and double posting")
    func adjudicateRejections() throws {
        let claim = Fx.submittedClaim()
        let ctx = Claim.AdjudicationContext(denialID: "d-1")
        var unbalanced = Fx.paidRemit()
        unbalanced.lines[0].paid = usd("90.00")
        #expect(
            throws: Claim.Rejection.lineOutOfBalance(
                "RC-1001-1", charge: usd("200.00"), paid: usd("90.00"), adjustments: usd("104.00"))
        ) {
            try decide(.adjudicate(unbalanced, context: ctx, on: day("2026-03-21"), period: Fx.may), claim)
        }
        #expect(throws: Claim.Rejection.unknownLine("X-9")) {
            try decide(
                .adjudicate(Fx.paidRemit(line: "X-9"), context: ctx, on: day("2026-03-21"), period: Fx.may), claim)
        }
        #expect(throws: Claim.Rejection.wrongPayer(expected: Fx.acme, got: Fx.secondary)) {
            try decide(
                .adjudicate(Fx.paidRemit(payer: Fx.secondary), context: ctx, on: day("2026-03-21"), period: Fx.may),
                claim)
        }
        var reversal = Fx.paidRemit()
        reversal.statusCode = "22"
        #expect(throws: Claim.Rejection.reversalAsAdjudication) {
            try decide(.adjudicate(reversal, context: ctx, on: day("2026-03-21"), period: Fx.may), claim)
        }
        let (paid, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: claim)
        #expect(throws: Claim.Rejection.lineAlreadyAdjudicated("RC-1001-1")) {
            try decide(
                .adjudicate(Fx.paidRemit(pcn: "ICN-9"), context: ctx, on: day("2026-03-21"), period: Fx.may), paid)
        }
    }

    @Test("a reversal negates the adjudication, takes the patient share back, and a re-adjudication posts again")
    func reversal() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1")
        let (paid, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        let (reversed, events) = try apply(
            Claim.decide, Claim.evolve,
            .reverseAdjudication(payerClaimNumber: "ICN-1", on: day("2026-04-02"), period: period("2026-04")), to: paid)
        guard case .adjudicationReversed(let e) = events[0] else {
            Issue.record("expected reversal")
            return
        }
        #expect(e.returnedFromPatient == usd("24.00"))
        #expect(
            reversed.insurancePaid == .zero && reversed.adjustments == .zero
                && reversed.insuranceBalance == usd("200.00"))
        #expect(reversed.patientBalance == .zero && balances(reversed))
        #expect(throws: Claim.Rejection.noSuchAdjudication("ICN-1")) {
            try decide(
                .reverseAdjudication(payerClaimNumber: "ICN-1", on: day("2026-04-02"), period: period("2026-04")),
                reversed)
        }
        let (again, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(pcn: "ICN-3"), context: ctx, on: day("2026-04-03"), period: period("2026-04")),
            to: reversed)
        #expect(again.insurancePaid == usd("96.00") && again.patientBalance == usd("24.00") && balances(again))
    }

    @Test("a reversal of a closed claim reopens it first")
    func reversalReopens() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1")
        var (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .applyPatientPayment("pay-1", amount: usd("24.00"), on: day("2026-03-25"), period: Fx.may), to: state)
        (state, _) = try apply(Claim.decide, Claim.evolve, .close(on: day("2026-03-25")), to: state)
        #expect(state.status == .closed)
        let (reopened, events) = try apply(
            Claim.decide, Claim.evolve,
            .reverseAdjudication(payerClaimNumber: "ICN-1", on: day("2026-04-02"), period: period("2026-04")), to: state
        )
        #expect(events.map(\.eventType) == ["claim.reopened", "claim.adjudication_reversed"])
        #expect(reopened.patientBalance == usd("-24.00") && balances(reopened))
        let (refunded, _) = try apply(
            Claim.decide, Claim.evolve,
            .refundPatient("ref-1", amount: usd("24.00"), on: day("2026-04-03"), period: period("2026-04")),
            to: reopened)
        #expect(refunded.refunds == usd("24.00") && refunded.patientBalance == .zero && balances(refunded))
    }

    @Test("a denial is assigned, appealed and written off")
    func denialWork() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1", appealDays: 60)
        var (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        var events: [Claim.Event]
        (state, events) = try apply(
            Claim.decide, Claim.evolve, .assignDenial("d-1", owner: "staff-ann", dueDate: nil, on: day("2026-03-22")),
            to: state)
        #expect(
            events == [
                .denialAssigned(
                    .init(
                        claimID: Fx.claimID, denialID: "d-1", owner: "staff-ann", dueDate: day("2026-05-19"),
                        effectiveDate: day("2026-03-22")))
            ])
        (state, _) = try apply(
            Claim.decide, Claim.evolve, .appeal("d-1", reference: "APL-1", on: day("2026-03-25")), to: state)
        #expect(state.denials["d-1"]?.status == .appealed)
        #expect(throws: Claim.Rejection.reasonRequired) {
            try decide(.appeal("d-1", reference: "", on: day("2026-03-25")), state)
        }
        #expect(throws: Claim.Rejection.noOpenDenial("d-9")) {
            try decide(.assignDenial("d-9", owner: "x", dueDate: nil, on: day("2026-03-25")), state)
        }
        (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .writeOff(
                amount: usd("200.00"), reason: .denial, side: .insurance, denialID: "d-1", on: day("2026-04-30"),
                period: period("2026-04")), to: state)
        #expect(
            state.openDenials.isEmpty && state.balance == .zero && state.writeOffs == usd("200.00") && balances(state))
        (state, _) = try apply(Claim.decide, Claim.evolve, .close(on: day("2026-04-30")), to: state)
        #expect(state.status == .closed)
    }

    @Test("an appealed denial is resolved when the payer pays the line")
    func appealPaid() throws {
        let ctx = Claim.AdjudicationContext(denialID: "d-1")
        var (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: ctx, on: day("2026-03-21"), period: Fx.may), to: Fx.submittedClaim())
        (state, _) = try apply(
            Claim.decide, Claim.evolve, .appeal("d-1", reference: "APL-1", on: day("2026-03-25")), to: state)
        let (paid, events) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(
                Fx.paidRemit(pcn: "ICN-5"), context: .init(denialID: "d-2"), on: day("2026-04-10"),
                period: period("2026-04")), to: state)
        guard case .adjudicated(let e) = events[0] else {
            Issue.record("expected adjudicated")
            return
        }
        #expect(e.resolvedDenials == ["d-1"])
        #expect(paid.status == .adjudicated && paid.openDenials.isEmpty && balances(paid))
    }

}
