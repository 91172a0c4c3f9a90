import Billing
import Foundation
import Testing

/// Coordination of benefits in the claim decider: the claim knows its payer's place in the patient's order, moves
/// what the patient owes to the next payer in that order (never back, never to the same payer) or to the patient,
/// and a crossover waits for the next payer's 835 instead of an 837P.
@Suite("Coordination of benefits")
struct CoordinationOfBenefitsTests {
    /// Primary acme, secondary medicaid (Fx), tertiary "TRI" from 2026-01-01.
    static let patient: Patient.State = {
        var state = Fx.patientState
        state.coverages["cov-3"] = Coverage(
            id: "cov-3", payerID: "TRI", order: .tertiary, effective: EffectivePeriod(from: day("2026-01-01")))
        return state
    }()

    func claim(billedTo payer: PayerID, order: PayerOrder) throws -> Claim.State {
        let state = Claim.replay(
            try Claim.decide(
                .create(
                    claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: payer, payerOrder: order,
                    sessions: [Fx.session()], authorizationNumber: nil, on: day("2026-03-03"), period: Fx.may),
                Claim.initial))
        return try sent(state)
    }

    /// The claim as scrubbed clean and submitted to its current payer (the scrubber's payer rules are not what these
    /// tests are about: the fixture practice requires authorizations from Medicaid and knows no tertiary payer).
    func sent(_ claim: Claim.State) throws -> Claim.State {
        let scrubbed = Claim.replay(
            [.scrubbed(.init(claimID: Fx.claimID, findings: [], passed: true, effectiveDate: day("2026-03-22")))],
            from: claim)
        return Claim.replay(try Claim.decide(.submit(on: day("2026-03-22")), scrubbed), from: scrubbed)
    }

    func post(_ remit: Adjudication, to state: Claim.State) throws -> (Claim.State, [Claim.Event]) {
        let context = Claim.AdjudicationContext(
            denialID: "d-1", claim: state, practice: Fx.practice, patient: Self.patient)
        return try apply(
            Claim.decide, Claim.evolve, .adjudicate(remit, context: context, on: day("2026-03-21"), period: Fx.may),
            to: state)
    }

    func transfer(_ events: [Claim.Event]) -> Claim.Event.ResponsibilityTransferred? {
        for case .responsibilityTransferred(let t) in events { return t }
        return nil
    }

    @Test("a claim created for the secondary knows it, and its patient responsibility goes to the tertiary, not back")
    func billedToSecondary() throws {
        let state = try claim(billedTo: Fx.medicaid, order: .secondary)
        #expect(state.payerOrder == .secondary)
        let (after, events) = try post(Fx.paidRemit(payer: Fx.medicaid), to: state)
        #expect(transfer(events)?.to == .payer("TRI", .tertiary))
        #expect(after.payerID == "TRI" && after.payerOrder == .tertiary && after.status == .awaitingNextPayer)
        #expect(balances(after))
    }

    @Test("a claim billed to the tertiary moves its patient responsibility to the patient")
    func billedToTertiary() throws {
        let state = try claim(billedTo: "TRI", order: .tertiary)
        let (after, events) = try post(Fx.paidRemit(payer: "TRI"), to: state)
        #expect(transfer(events)?.to == .patient)
        #expect(after.patientBalance == usd("24.00") && after.insuranceBalance == .zero && balances(after))
    }

    @Test("the next payer is never the payer that just adjudicated, even if the context names it")
    func neverTheSamePayer() throws {
        let state = try claim(billedTo: Fx.medicaid, order: .secondary)
        let context = Claim.AdjudicationContext(denialID: "d-1", nextPayer: Fx.medicaid, nextPayerOrder: .secondary)
        let events = try Claim.decide(
            .adjudicate(Fx.paidRemit(payer: Fx.medicaid), context: context, on: day("2026-03-21"), period: Fx.may), state)
        #expect(transfer(events)?.to == .patient)
    }

    @Test("primary → secondary → patient: the secondary's 835 with OA-23 posts and what it leaves reaches the patient")
    func primarySecondaryPatient() throws {
        var withoutTertiary = Self.patient
        withoutTertiary.coverages["cov-3"] = nil
        let primary = try claim(billedTo: Fx.acme, order: .primary)
        let context = Claim.AdjudicationContext(
            denialID: "d-1", claim: primary, practice: Fx.practice, patient: withoutTertiary)
        var (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.paidRemit(), context: context, on: day("2026-03-21"), period: Fx.may), to: primary)
        #expect(state.status == .awaitingNextPayer && state.payerID == Fx.medicaid && state.payerOrder == .secondary)
        #expect(state.insuranceBalance == usd("24.00") && state.patientBalance == .zero)
        state = try sent(state)
        let secondary = Adjudication(
            statusCode: "2", payerClaimNumber: "S-1", payerID: Fx.medicaid, adjudicatedOn: day("2026-04-02"),
            lines: [
                LineAdjudication(
                    lineID: "RC-1001-1", code: "90837", charge: usd("200.00"), paid: usd("20.00"),
                    adjustments: [CASAdjustment(.other, "23", usd("176.00")), CASAdjustment(.patient, "2", usd("4.00"))])
            ])
        let next = Claim.AdjudicationContext(denialID: "d-2", claim: state, practice: Fx.practice, patient: withoutTertiary)
        let (done, events) = try apply(
            Claim.decide, Claim.evolve, .adjudicate(secondary, context: next, on: day("2026-04-03"), period: Fx.may),
            to: state)
        #expect(transfer(events)?.to == .patient && transfer(events)?.amount == usd("4.00"))
        #expect(done.insurancePaid == usd("116.00") && done.patientBalance == usd("4.00") && done.insuranceBalance == .zero)
        #expect(done.adjudications.last?.posting.priorPayerImpact == usd("176.00"))
        #expect(balances(done))
    }

    @Test("a crossover (CLP02 19) moves the claim to the secondary without an 837P; the secondary's 835 posts")
    func crossover() throws {
        let primary = try claim(billedTo: Fx.acme, order: .primary)
        var remit = Fx.paidRemit()
        remit.statusCode = "19"
        remit.forwardedTo = "STATE MEDICAID (55004)"
        let (state, events) = try post(remit, to: primary)
        #expect(transfer(events)?.crossover == true)
        #expect(transfer(events)?.reason.contains("crossed over") == true)
        #expect(state.status == .awaitingNextPayer && state.crossedOver && state.payerID == Fx.medicaid)
        #expect(throws: Claim.Rejection.crossedOver(Fx.medicaid)) {
            try Claim.decide(.submit(on: day("2026-03-22")), state)
        }
        let secondary = Adjudication(
            statusCode: "2", payerClaimNumber: "S-9", payerID: Fx.medicaid, adjudicatedOn: day("2026-04-02"),
            lines: [
                LineAdjudication(
                    lineID: "RC-1001-1", code: "90837", charge: usd("200.00"), paid: usd("24.00"),
                    adjustments: [CASAdjustment(.other, "23", usd("176.00"))])
            ])
        let (done, _) = try post(secondary, to: state)
        #expect(!done.crossedOver && done.status == .adjudicated && done.balance == .zero && balances(done))
    }

    @Test("a claim waiting for a next payer it was not crossed over to takes no 835 before it is submitted")
    func noRemitBeforeSubmission() throws {
        var withoutTertiary = Self.patient
        withoutTertiary.coverages["cov-3"] = nil
        let primary = try claim(billedTo: Fx.acme, order: .primary)
        let (state, _) = try post(Fx.paidRemit(), to: primary)
        #expect(state.status == .awaitingNextPayer && !state.crossedOver)
        let remit = Fx.paidRemit(pcn: "S-1", payer: Fx.medicaid)
        #expect(throws: Claim.Rejection.wrongStatus(action: "post a remittance to", status: .awaitingNextPayer)) {
            try Claim.decide(
                .adjudicate(remit, context: .init(denialID: "d-2"), on: day("2026-03-25"), period: Fx.may), state)
        }
    }
}

@Suite("COB fields in the storage contract")
struct CoordinationOfBenefitsCodecTests {
    let codec = EventCodec()

    @Test("claim.created keeps a secondary's order and reads an old payload without it as primary; a crossover transfer says so")
    func fields() throws {
        let claim = try Claim.decide(
            .create(
                claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: Fx.medicaid, payerOrder: .secondary,
                sessions: [Fx.session()], authorizationNumber: nil, on: day("2026-03-03"), period: Fx.may),
            Claim.initial)
        let stored = try codec.encode(.claim(claim[0]))
        let text = String(decoding: stored.payload, as: UTF8.self)
        #expect(text.contains(#""payerOrder":"secondary""#))
        let old = text.replacingOccurrences(of: #","payerOrder":"secondary""#, with: "")
            .replacingOccurrences(of: #""payerOrder":"secondary","#, with: "")
        #expect(!old.contains("payerOrder"))
        guard case .claim(let decoded) = try codec.decode(eventType: stored.eventType, schemaVersion: stored.schemaVersion, payload: Data(old.utf8))
        else {
            Issue.record("not a claim event")
            return
        }
        #expect(Claim.replay([decoded]).payerOrder == .primary)
        #expect(Claim.replay(claim).payerOrder == .secondary)

        let moved = Claim.Event.responsibilityTransferred(
            .init(
                claimID: Fx.claimID, amount: usd("24.00"), to: .payer(Fx.medicaid, .secondary), crossover: true,
                reason: "crossed over by ICN-1", effectiveDate: day("2026-03-21"), period: Fx.may))
        #expect(String(decoding: try codec.encode(.claim(moved)).payload, as: UTF8.self).contains(#""crossover":true"#))
    }
}
