import Testing
@testable import X12

/// Segment numbers say where a value was read; values built in memory have 0. Round trips compare without them.
extension Remittance {
    var unplaced: Remittance {
        var copy = self
        copy.segmentNumber = 0
        copy.providerAdjustments = providerAdjustments.map { var p = $0; p.segmentNumber = 0; return p }
        copy.claims = claims.map { claim in
            var c = claim
            c.segmentNumber = 0
            c.lines = claim.lines.map { var l = $0; l.segmentNumber = 0; return l }
            return c
        }
        return copy
    }
}

extension ClaimAcknowledgment {
    var unplaced: ClaimAcknowledgment {
        var copy = self
        copy.segmentNumber = 0
        for r in copy.receivers.indices {
            for p in copy.receivers[r].providers.indices {
                for c in copy.receivers[r].providers[p].claims.indices { copy.receivers[r].providers[p].claims[c].segmentNumber = 0 }
            }
        }
        return copy
    }
}

@Suite("writers: reading back what we write gives the same values")
struct WriterRoundTripTests {
    static let envelope = InterchangeEnvelope(senderID: "PAYERSIM", receiverID: "RCMBILLING", date: X12Date(x12: "20260310")!,
                                              time: X12Time(hour: 12, minute: 0)!, interchangeControlNumber: 77, groupControlNumber: 77)

    @Test("835 fixtures written again read back the same", arguments: [
        "835-managed-care.x12", "835-institutional-with-plb.x12", "835-denial-notification.x12", "835-reversal-plb.x12",
        "835-secondary-oa23.x12", "835-two-payees.x12", "835-cob-contractual-adjustment.x12",
    ])
    func remittances(name: String) throws {
        let (original, _) = try Fixture.file(name).remittances()
        let bytes = try Remittance.x12(original, envelope: Self.envelope)
        let (again, warnings) = try X12File(bytes: bytes).remittances()
        // The samples' own deactivated codes (A2, A7, N14) come back as they went out, warned about again.
        #expect(warnings.filter { !$0.message.contains("BPR16") && !$0.message.contains("is deactivated") }.isEmpty, "\(warnings)")
        #expect(again.map(\.unplaced) == original.map(\.unplaced))
    }

    @Test("999 written again reads back the same")
    func acknowledgments999() throws {
        let (original, _) = try Fixture.file("999-partial.x12").implementationAcknowledgments()
        let bytes = try ImplementationAcknowledgment.x12(original, envelope: Self.envelope)
        let (again, _) = try X12File(bytes: bytes).implementationAcknowledgments()
        let zero = { (acks: [ImplementationAcknowledgment]) in acks.map { var a = $0; a.segmentNumber = 0; return a } }
        #expect(zero(again) == zero(original))
    }

    @Test("277CA written again reads back the same", arguments: ["277ca-accepted.x12", "277ca-rejected.x12"])
    func acknowledgments277(name: String) throws {
        let (original, _) = try Fixture.file(name).claimAcknowledgments()
        let bytes = try ClaimAcknowledgment.x12(original, envelope: Self.envelope)
        let (again, _) = try X12File(bytes: bytes).claimAcknowledgments()
        #expect(again.map(\.unplaced) == original.map(\.unplaced))
    }

    @Test("TA1 written again reads back the same")
    func ta1() throws {
        let original = try Fixture.file("ta1-rejected.x12").interchangeAcknowledgments
        let bytes = try #require(original.first).x12(envelope: Self.envelope)
        #expect(try X12File(bytes: bytes).interchangeAcknowledgments == original)
    }
}
