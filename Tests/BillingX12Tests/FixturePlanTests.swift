import Billing
import BillingX12
import Foundation
import Testing
import X12

@Suite("Posting plans over the X12 module's sample files")
struct FixturePlanTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("X12Tests/Fixtures")

    static func contents(_ name: String) throws -> X12Contents {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try X12File(data: data, fileName: name).contents()
    }

    @Test(
        "with no claim of ours, every CLP of a real 835 is kept as unapplied with its money, and PLB is listed",
        arguments: [
            "835-cob-contractual-adjustment.x12", "835-denial-notification.x12", "835-institutional-with-plb.x12",
            "835-managed-care.x12", "835-reversal-plb.x12", "835-secondary-oa23.x12", "835-two-interchanges.x12",
            "835-two-payees.x12",
        ])
    func unapplied(name: String) throws {
        for remittance in try Self.contents(name).remittances {
            let plan = RemittancePosting.plan(
                remittance, lookup: RemittanceLookup(claims: [:]), options: .init(receivedOn: day("2026-03-10")))
            #expect(plan.claims.isEmpty)
            #expect(plan.unapplied.count == remittance.claims.count)
            #expect(plan.unapplied.map(\.paid).sum() == Money(remittance.claimPaidTotal))
            #expect(plan.providerAdjustments.count == remittance.providerAdjustments.flatMap(\.items).count)
            #expect(plan.balance.isBalanced == remittance.isBalanced)
        }
    }

    @Test("the partial 999 sample maps each AK2 to accepted or rejected with codes only")
    func partial999() throws {
        let ack = try #require(try Self.contents("999-partial.x12").implementationAcknowledgments.first)
        let plan = AcknowledgmentPosting.plan(ack, submissions: [], receivedOn: day("2026-03-10")) { _ in nil }
        #expect(plan.sets.count == ack.transactionSets.count)
        #expect(plan.sets.contains { !$0.accepted })
        #expect(plan.sets.allSatisfy { !$0.matched })
        #expect(plan.commands.isEmpty)
    }

    @Test("the rejected 277CA sample becomes notes for claims we do not know, with their status codes")
    func rejected277() throws {
        let ack = try #require(try Self.contents("277ca-rejected.x12").claimAcknowledgments.first)
        let plan = AcknowledgmentPosting.plan(ack, receivedOn: day("2026-03-10")) { _ in nil }
        #expect(plan.commands.isEmpty)
        #expect(plan.notes.count == ack.claims.count)
        #expect(plan.notes.allSatisfy { $0.reason == "unknown claim" && !$0.codes.isEmpty })
    }
}
