import Billing
import BillingX12
import Testing
import X12

@Suite("The simulated payers' roster: a member it knows gets the same answer whatever the trace")
struct EligibilityRosterTests {
    /// A 270 to Aetna (60054) about members with the given ids, answered with `roster` and `seed`; facts in order.
    static func answers(memberIDs: [String], roster: EligibilityRoster, seed: UInt64, control: Int = 42) throws -> [EligibilityFacts] {
        let builder = EligibilityInquiryBuilder(senderID: "NWB", receiverID: "CLEARHOUSE", practiceName: "Acme Counseling", practiceNPI: "1234567893", taxID: "12-3456789")
        let subjects = memberIDs.enumerated().map { index, id in
            EligibilityInquiryBuilder.Subject(
                patientKey: PatientKey("pk-\(index)"), coverageID: "cov-1",
                identity: PatientIdentity(
                    firstName: "Ana", lastName: "Rivera", dateOfBirth: LocalDate("1985-04-12")!, address: "1 Elm St", phone: "5550100", memberID: id),
                serviceDate: LocalDate("2026-12-01")!)
        }
        let built = try builder.build(payerName: "Aetna", x12PayerID: "60054", subjects: subjects, control: control, date: LocalDate("2026-11-30")!, time: X12Time(hour: 9, minute: 0)!)
        let sets = try X12File(bytes: built.bytes).eligibilityInquiries().sets
        let answer = try PayerSimulator.answerEligibility(sets, seed: seed, date: X12Date(x12: "20261130")!, controlNumber: 900, roster: roster)
        return try X12File(bytes: answer.bytes).eligibilityResponses().responses.flatMap(\.members).map { EligibilityFacts($0) }
    }

    @Test("members on the roster: carve-out and active under every seed and trace; members off it: drawn, so some other answer appears")
    func roster() throws {
        var roster = EligibilityRoster()
        roster.set(.carveOut, payerID: "60054", memberID: "W1")
        roster.set(.active, payerID: "60054", memberID: "w2")
        roster.set(.inactive, payerID: "99999", memberID: "W3")
        #expect(roster.count == 3 && roster.scenario(payerID: "60054", memberID: "w1") == .carveOut, "ids compare without case")
        var drawn: Set<String> = []
        for seed in UInt64(1)...12 {
            let facts = try Self.answers(memberIDs: ["W1", "W2", "W3"], roster: roster, seed: seed, control: 40 + Int(seed))
            #expect(facts.count == 3)
            #expect(facts[0].status == .active && facts[0].carveOut?.x12PayerID == PayerSimulator.carveOutPayerID, "seed \(seed)")
            #expect(facts[1].status == .active && facts[1].carveOut == nil && facts[1].benefits.contains { $0.authorizationRequired != true }, "seed \(seed)")
            // W3 is on the roster of another payer only: Aetna draws its answer.
            let third = facts[2]
            drawn.insert("\(third.status) \(third.carveOut != nil) \(third.benefits.map { "\($0.authorizationRequired ?? false) \($0.inNetwork ?? true)" })")
        }
        #expect(drawn.count > 1, "a member the payer does not know gets drawn answers: \(drawn)")
    }
}
