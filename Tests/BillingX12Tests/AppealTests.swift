import Billing
import BillingX12
import Foundation
import Testing
import X12

@Suite("Payers answer appeals")
struct AppealTests {
    /// A loop whose payers deny every claim, answered and posted.
    static func deniedLoop() throws -> Loop {
        var settings = SimulatorSettings.plain
        settings.denyPercent = 100
        var loop = try Loop(count: 60, seed: 11, settings: settings)
        try loop.run()
        _ = try loop.post()
        return loop
    }

    /// The appeals a clerk sends: every denial that is not the patient's, by CLP01 and the denial's CLP07.
    static func appeals(_ loop: Loop) -> [SimulatedAppeal] {
        loop.world.order.compactMap { number in
            let claim = loop.world.claims[number]!
            guard let denial = claim.openDenials.first, denial.reasons.first?.group != .patient, let icn = claim.payerClaimNumber else { return nil }
            return SimulatedAppeal(claimNumber: number.rawValue, payerClaimNumber: icn, reference: "APL-\(number.rawValue)")
        }
    }

    @Test("an appeal the payer overturns is paid under the denial's CLP07 and resolves the denial; the rest stay denied, unpaid")
    func overturnedAndUpheld() throws {
        var loop = try Self.deniedLoop()
        let appeals = Self.appeals(loop)
        #expect(appeals.count > 20)
        let before = loop.responses.count
        let response = try loop.simulator.respond(to: [], controls: Interchanges.controls("2026-04-20", control: 900), appeals: appeals)
        loop.responses.append(response)
        _ = try loop.post(from: before)
        let paid = Dictionary(
            response.rawPayments.flatMap(\.claims).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var overturned = 0
        for appeal in appeals {
            let claim = loop.world.claims[ClaimNumber(appeal.claimNumber)!]!
            #expect(balances(claim), "claim \(appeal.claimNumber) does not balance")
            if response.outcomes[appeal.claimNumber] == .overturnedOnAppeal {
                overturned += 1
                let clp = try #require(paid[appeal.claimNumber])
                #expect(clp.status == "1")
                #expect(clp.payerClaimNumber == appeal.payerClaimNumber)
                // Paid as the plan prices it: a deductible may take all of it (the patient's then).
                #expect(clp.paid >= 0)
                #expect(claim.openDenials.isEmpty)
                #expect(claim.insurancePaid + claim.patientBalance > .zero)
                #expect(claim.insuranceBalance == .zero)
            } else {
                #expect(paid[appeal.claimNumber] == nil)
                #expect(claim.status == .denied)
                #expect(claim.insurancePaid == .zero || claim.openDenials.count == 1)
            }
        }
        // The shares per reason (CO-4/CO-97 80 %, CO-197 70 %, CO-50 60 %, CO-29 90 % when filed in time): most, not all.
        #expect(overturned > appeals.count / 2)
        #expect(overturned < appeals.count)
    }

    @Test("a payer answers an appeal once, ignores one of a claim it did not deny, and the same inputs give the same answer")
    func answeredOnce() throws {
        let loop = try Self.deniedLoop()
        let appeals = Self.appeals(loop)
        var first = loop.simulator
        var second = loop.simulator
        let controls = Interchanges.controls("2026-04-20", control: 900)
        let one = try first.respond(to: [], controls: controls, appeals: appeals)
        let two = try second.respond(to: [], controls: controls, appeals: appeals.reversed())
        #expect(Set(one.outcomes.keys) == Set(two.outcomes.keys))
        #expect(!one.outcomes.isEmpty)
        let again = try first.respond(to: [], controls: Interchanges.controls("2026-05-04", control: 950), appeals: appeals)
        #expect(again.outcomes.isEmpty)
        let stranger = SimulatedAppeal(claimNumber: "NOPE-1", payerClaimNumber: appeals[0].payerClaimNumber, reference: "APL-X")
        var third = loop.simulator
        #expect(try third.respond(to: [], controls: controls, appeals: [stranger]).outcomes.isEmpty)
    }

    @Test("the appeals file reads claim_number,payer_claim_number,reference and names a bad line")
    func appealsFile() throws {
        let appeals = try SimulatedAppeal.parse(csv: "claim_number,payer_claim_number,reference\nC1,ICN9,APL-C1\n")
        #expect(appeals == [SimulatedAppeal(claimNumber: "C1", payerClaimNumber: "ICN9", reference: "APL-C1")])
        #expect(throws: AppealFileError.self) { try SimulatedAppeal.parse(csv: "claim_number,payer_claim_number,reference\nC1,ICN9\n") }
    }

    @Test("a state written before payers remembered denials still reads, with none")
    func olderState() throws {
        let loop = try Self.deniedLoop()
        let json = try loop.simulator.state.json()
        #expect(String(decoding: json, as: UTF8.self).contains("\"denied\""))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        var payers = try #require(object["payers"] as? [String: [String: Any]])
        for key in payers.keys { payers[key]!.removeValue(forKey: "denied") }
        object["payers"] = payers
        let older = try SimulatorState(json: [UInt8](try JSONSerialization.data(withJSONObject: object)))
        let remembered = older.payers.values.map { $0.denied.count }.reduce(0, +)
        #expect(remembered == 0)
    }
}
