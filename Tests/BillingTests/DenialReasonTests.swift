import Billing
import Testing

@Suite("A denial always says why and how much")
struct DenialReasonTests {
    /// CLP02 = 4 with the whole charge as PR-204 (not covered by the plan) and the same remark twice.
    static func notCovered() -> Adjudication {
        Adjudication(
            statusCode: "4", payerClaimNumber: "ICN-9", payerID: Fx.acme, adjudicatedOn: day("2026-03-20"),
            lines: [
                LineAdjudication(
                    lineID: "RC-1001-1", code: "90837", charge: usd("200.00"), paid: .zero,
                    adjustments: [CASAdjustment(.patient, "204", usd("200.00"))], remarks: ["N130"])
            ], remarks: ["N130"])
    }

    @Test("a PR-204 denial records PR-204 and the amount moved to the patient, with each remark once")
    func patientSideDenial() throws {
        let (state, events) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Self.notCovered(), context: .init(denialID: "d-9"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        let denial = try #require(state.denials["d-9"])
        #expect(denial.reasons.map(\.code) == ["PR-204"])
        #expect(denial.amount == usd("200.00") && denial.remarks == ["N130"])
        #expect(state.patientBalance == usd("200.00") && balances(state), "the money moves as before")
        #expect(events.map(\.eventType).contains("claim.denied"))
    }

    @Test("a payer-side denial keeps its own reasons and denied amount")
    func payerSideDenial() throws {
        let (state, _) = try apply(
            Claim.decide, Claim.evolve,
            .adjudicate(Fx.deniedRemit(), context: .init(denialID: "d-2"), on: day("2026-03-21"), period: Fx.may),
            to: Fx.submittedClaim())
        let denial = try #require(state.denials["d-2"])
        #expect(denial.reasons.map(\.code) == ["CO-197"] && denial.amount == usd("200.00"))
    }
}
