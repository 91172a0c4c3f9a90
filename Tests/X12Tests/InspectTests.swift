import Foundation
import Testing
@testable import X12

@Suite("inspect")
struct InspectTests {
    @Test("an 835 summary gives BPR02, ΣCLP04, ΣPLB, balanced and one entry per CLP")
    func remittance() throws {
        let summary = try X12Summary(bytes: try Fixture.bytes("835-reversal-plb.x12"), fileName: "835-reversal-plb.x12")
        let payment = try #require(summary.payments.first)
        #expect(payment.bprAmount == amount("210.35"))
        #expect(payment.claimPaidTotal == amount("258"))
        #expect(payment.providerAdjustmentTotal == amount("47.65"))
        #expect(payment.balanced)
        #expect(payment.claims.map(\.status) == ["22", "1", "4", "1"])
        #expect(payment.claims.map(\.lines) == [1, 1, 1, 3])
        #expect(summary.paymentTotals?.claims == 4)
        #expect(summary.text.contains("BPR02 210.35  ΣCLP04 258.00  ΣPLB 47.65  balanced"))
    }

    @Test("file totals add up over two payments, and JSON carries amounts as decimal text without names")
    func totalsAndJSON() throws {
        let summary = try X12Summary(bytes: try Fixture.bytes("835-two-payees.x12"))
        #expect(summary.paymentTotals?.bprAmount == amount("196"))
        #expect(summary.paymentTotals?.balanced == true)
        let json = String(decoding: try summary.json(), as: UTF8.self)
        #expect(json.contains("\"bprAmount\" : \"96.00\""))
        let managed = String(decoding: try X12Summary(bytes: try Fixture.bytes("835-managed-care.x12")).json(), as: UTF8.self)
        #expect(!managed.contains("BUDD"))
        #expect(managed.contains("\"balanced\" : true"))
    }

    @Test("an unbalanced file is summarised with balanced false and its findings")
    func unbalanced() throws {
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "BPR*I*945.00*", with: "BPR*I*944.00*")
        let summary = try X12Summary(bytes: Array(text.utf8))
        #expect(summary.payments.first?.balanced == false)
        #expect(summary.paymentTotals?.balanced == false)
        #expect(summary.text.contains("NOT BALANCED"))
    }

    @Test("acknowledgments are summarised with their results")
    func acknowledgments() throws {
        let ack = try X12Summary(bytes: try Fixture.bytes("999-partial.x12"))
        #expect(ack.implementationAcknowledgments.first?.groupResult == "P")
        #expect(ack.implementationAcknowledgments.first?.transactionSets[1] == "837 0002: R (5); IK3 CLM at 22 loop 2300 code 8 [CLM01 BH-2026-0009] [IK4 element 2 code 6]; IK3 NM1 at 30 loop 2010BA code 8 [IK4 element 9 code 1]")
        let ca = try X12Summary(bytes: try Fixture.bytes("277ca-rejected.x12"))
        #expect(ca.claimAcknowledgments.first?.claims.map(\.rejected) == [false, true])
        #expect(ca.claimAcknowledgments.first?.rejected == 1)
    }

    @Test("every fixture either summarises or fails with a precise error")
    func everyFixture() throws {
        for name in try Fixture.all() {
            do {
                let summary = try X12Summary(bytes: try Fixture.bytes(name), fileName: name)
                #expect(!summary.text.isEmpty)
            } catch let error as X12Error {
                #expect(name == "835-4010.x12", "\(error)")
            }
        }
    }
}
