import Billing
import Testing

/// Issue 13: a patient-responsibility denial (PR-204, not covered by the plan) is resolved when the patient's share
/// is paid, written off by policy or moved to the next payer, and the claim then closes.
@Suite("A patient-responsibility denial leaves the worklist and its claim closes")
struct PatientDenialTests {
    /// The PR-204 denial of 200.00, posted through the claim's life, and its id.
    static func deniedToPatient() throws -> Claim.State {
        let events = try Claim.decideInLife(
            .adjudicate(DenialReasonTests.notCovered(), context: .init(denialID: "d-pr"), on: day("2026-03-21"), period: Fx.may),
            Fx.submittedClaim())
        let state = Claim.replay(events, from: Fx.submittedClaim())
        #expect(state.status == .denied && state.openPatientDenials.map(\.denialID) == ["d-pr"])
        #expect(state.patientBalance == usd("200.00") && state.insuranceBalance == .zero)
        return state
    }

    static func pay(_ amount: String, _ state: Claim.State) throws -> (Claim.State, [String]) {
        let events = try Claim.decideInLife(
            .applyPatientPayment(PaymentID("pay-\(amount)"), amount: usd(amount), on: day("2026-04-02"), period: Fx.may), state)
        return (Claim.replay(events, from: state), events.map(\.eventType))
    }

    @Test("a part payment leaves the denial open; the payment that clears the patient's share resolves it and closes the claim")
    func paidByThePatient() throws {
        let denied = try Self.deniedToPatient()
        let (part, partEvents) = try Self.pay("150.00", denied)
        #expect(part.openDenials.count == 1 && part.status == .denied && !partEvents.contains("claim.closed"))
        let (paid, events) = try Self.pay("50.00", part)
        #expect(paid.denials["d-pr"]?.status == .resolved)
        #expect(events == ["claim.patient_payment_applied", "claim.closed"])
        #expect(paid.status == .closed && paid.balance == .zero && balances(paid))
    }

    @Test("a patient-side write-off by policy of what is left resolves the denial and closes the claim")
    func writtenOffByPolicy() throws {
        let (part, _) = try Self.pay("195.00", try Self.deniedToPatient())
        let events = try Claim.decideInLife(
            .writeOff(amount: usd("5.00"), reason: .smallBalance, side: .patient, denialID: nil, on: day("2026-04-20"), period: Fx.may),
            part)
        let state = Claim.replay(events, from: part)
        #expect(events.map(\.eventType) == ["claim.written_off", "claim.closed"])
        #expect(state.denials["d-pr"]?.status == .resolved && state.status == .closed && balances(state))
    }

    @Test("a patient-side write-off that leaves a balance resolves nothing")
    func partWriteOff() throws {
        let denied = try Self.deniedToPatient()
        let events = try Claim.decide(
            .writeOff(amount: usd("5.00"), reason: .courtesy, side: .patient, denialID: nil, on: day("2026-04-20"), period: Fx.may),
            denied)
        #expect(Claim.replay(events, from: denied).openDenials.count == 1)
    }

    @Test("moved to the next payer (COB), the patient's share is that payer's: the denial is resolved, the claim waits for it")
    func transferredToTheNextPayer() throws {
        let context = Claim.AdjudicationContext(denialID: "d-pr", nextPayer: Fx.secondary, nextPayerOrder: .secondary)
        let events = try Claim.decideInLife(
            .adjudicate(DenialReasonTests.notCovered(), context: context, on: day("2026-03-21"), period: Fx.may),
            Fx.submittedClaim())
        let state = Claim.replay(events, from: Fx.submittedClaim())
        guard case .responsibilityTransferred(let moved)? = events.last else {
            Issue.record("no transfer: \(events.map(\.eventType))")
            return
        }
        #expect(moved.resolvedDenials == ["d-pr"] && moved.to == .payer(Fx.secondary, .secondary))
        #expect(state.denials["d-pr"]?.status == .resolved && state.status == .awaitingNextPayer)
        #expect(state.payerID == Fx.secondary && state.insuranceBalance == usd("200.00") && balances(state))
    }

    @Test("a payer-side denial is not resolved by the patient paying their share")
    func payerSideStaysOpen() throws {
        var state = try Self.deniedToPatient()
        var coDenial = try #require(state.denials["d-pr"])
        coDenial.denialID = "d-co"
        coDenial.reasons = [CASAdjustment(.contractual, "197", usd("150.00"))]
        state.denials["d-co"] = coDenial
        var mixed = coDenial
        mixed.reasons = [CASAdjustment(.patient, "204", usd("1.00")), CASAdjustment(.other, "4", usd("1.00"))]
        #expect(!coDenial.isPatientResponsibility && !mixed.isPatientResponsibility)
        let (paid, events) = try Self.pay("200.00", state)
        #expect(paid.denials["d-pr"]?.status == .resolved && paid.denials["d-co"]?.status == .open)
        #expect(paid.status == .denied && !events.contains("claim.closed"))
    }
}
