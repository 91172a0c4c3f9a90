import Testing
@testable import X12

@Suite("999, TA1 and 277CA")
struct AcknowledgmentFixtureTests {
    @Test("a partial 999 accepts one set and rejects the other with segment and element errors")
    func partial999() throws {
        let (acks, warnings) = try Fixture.file("999-partial.x12").implementationAcknowledgments()
        #expect(warnings.isEmpty)
        let ack = try #require(acks.first)
        #expect(ack.groupControlNumber == "4211")
        #expect(ack.groupResult == .init(code: "P", includedCount: 2, receivedCount: 2, acceptedCount: 1))
        #expect(ack.transactionSets.map(\.result) == ["A", "R"])
        let rejected = ack.transactionSets[1]
        #expect(rejected.errorCodes == ["5"])
        #expect(rejected.segmentErrors.count == 2)
        #expect(rejected.segmentErrors[0].contexts == [.init(name: "CLM01", reference: "BH-2026-0009")])
        #expect(rejected.segmentErrors[0].elementErrors == [.init(position: 2, elementReference: "782", code: "6", badValue: "12.3.4")])
        #expect(rejected.segmentErrors[1].loopID == "2010BA")
    }

    @Test("a TA1 is read from an interchange without functional groups")
    func ta1() throws {
        let file = try Fixture.file("ta1-rejected.x12")
        #expect(file.interchangeAcknowledgments == [.init(controlNumber: "000004211", date: "260302", time: "0915",
                                                          acknowledgmentCode: "R", noteCode: "022", segmentNumber: 2)])
    }

    @Test("the sample 277CA accepts claim 5781 (A2:20) for 125")
    func accepted277() throws {
        let (acks, warnings) = try Fixture.file("277ca-accepted.x12").claimAcknowledgments()
        #expect(warnings.isEmpty)
        let ack = try #require(acks.first)
        #expect(ack.reference == "000000674")
        #expect(ack.receivers.first?.entity.trace == "000000674")
        #expect(ack.receivers.first?.entity.acceptedCount == 1)
        #expect(ack.receivers.first?.entity.acceptedAmount == amount("125"))
        let claim = try #require(ack.claims.first)
        #expect(claim.claimNumber == "5781")
        #expect(claim.statuses == [StatusInfo(category: "A2", code: "20", date: X12Date(x12: "20110311"), action: "WQ", amount: amount("125"))])
        #expect(claim.payerClaimNumber == "1107000000014420")
        #expect(!claim.isRejected)
    }

    @Test("a 277CA rejects one claim (A7) with several statuses and a line status, and accepts another")
    func rejected277() throws {
        let (acks, _) = try Fixture.file("277ca-rejected.x12").claimAcknowledgments()
        let ack = try #require(acks.first)
        let receiver = try #require(ack.receivers.first)
        #expect(receiver.entity.trace == "BATCH4211")
        #expect(receiver.entity.rejectedCount == 1 && receiver.entity.rejectedAmount == amount("190"))
        #expect(ack.claims.map(\.claimNumber) == ["BH-2026-0001", "BH-2026-0004"])
        #expect(ack.claims.map(\.isRejected) == [false, true])
        let rejected = ack.claims[1]
        #expect(rejected.statuses.first?.category == "A7")
        #expect(rejected.statuses.first?.entity == "82")
        #expect(rejected.statuses.first?.additional == [["A7", "21", "82"]])
        #expect(rejected.clearinghouseTrace == "CH778899")
        #expect(rejected.serviceDate?.end == X12Date(x12: "20260213"))
        #expect(rejected.lines.first?.lineControlNumber == "L0004-1")
        #expect(rejected.lines.first?.statuses.first?.code == "453")
    }
}
