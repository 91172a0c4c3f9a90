import Testing
@testable import X12

/// The figures of one well-formed 999 of the corpus (independent: `Fixtures/corpus/SOURCES.md`).
struct AcknowledgmentFigures: Sendable, CustomTestStringConvertible {
    struct GroupAck: Sendable {
        var control: String
        var group: (id: String, control: String, version: String?)
        /// AK201, AK202, IK501 of each AK2 … IK5.
        var responses: [(setID: String, control: String, result: String)]
        var ak9: (code: String, included: Int, received: Int, accepted: Int)
    }

    var file: String
    var segments: Int
    var groups: Int
    var sets: [GroupAck]

    var testDescription: String { file }
}

@Suite("Corpus: public 999 and 277CA files read fully and give the independent figures")
struct CorpusAcknowledgmentTests {
    static let cases: [AcknowledgmentFigures] = [
        .init(
            file: "999-emedny-accepted.x12", segments: 10, groups: 1,
            sets: [
                .init(control: "4001", group: ("HC", "28", "005010X223A2"), responses: [("837", "0028", "A")], ak9: ("A", 1, 1, 1))
            ]),
        .init(
            file: "999-emedny-rejected.x12", segments: 11, groups: 1,
            sets: [
                .init(control: "95832987", group: ("HC", "28", "005010X223A2"), responses: [("837", "0028", "R")], ak9: ("R", 1, 1, 0))
            ]),
        .init(
            file: "999-pyx12-834-accepted.x12", segments: 10, groups: 1,
            sets: [
                .init(control: "0001", group: ("BE", "146", "005010X220A1"), responses: [("834", "146001", "A")], ak9: ("A", 1, 1, 1))
            ]),
        .init(
            file: "999-pyx12-two-groups.x12", segments: 30, groups: 2,
            sets: ["0001", "0002", "0003", "0004"].map {
                .init(control: $0, group: ("BE", "13360001", "005010X220A1"), responses: [("834", "0001", "A")], ak9: ("A", 1, 1, 1))
            }),
        .init(
            file: "999-wisconsin-partial.x12", segments: 20, groups: 1,
            sets: [
                .init(
                    control: "2870001", group: ("HC", "17456", "004010X098A1"),
                    responses: [("837", "0001", "A"), ("837", "002", "R"), ("837", "0003", "R")], ak9: ("P", 3, 3, 1))
            ]),
    ]

    /// Every 277CA of the corpus that reads (the refused ones are in `CorpusDefectTests`).
    static let claimAcknowledgmentFiles = ["277ca-emedny-rejected.x12"]

    @Test("reads fully; AK1, AK2/IK5 and AK9 equal the independent figures", arguments: cases)
    func figures(_ expected: AcknowledgmentFigures) throws {
        let bytes = try Corpus.bytes(expected.file)
        #expect(readError(bytes, name: expected.file) == nil)
        let file = try X12File(bytes: bytes, fileName: expected.file)
        #expect(file.segmentCount == expected.segments)
        #expect(file.interchanges.flatMap(\.groups).count == expected.groups)
        #expect(file.transactionSets.allSatisfy { $0.id == "999" })

        let (acks, _) = try file.implementationAcknowledgments()
        #expect(acks.map(\.controlNumber) == expected.sets.map(\.control))
        for (ack, set) in zip(acks, expected.sets) {
            #expect(ack.groupFunctionalID == set.group.id)
            #expect(ack.groupControlNumber == set.group.control)
            #expect(ack.groupVersion == set.group.version)
            #expect(ack.transactionSets.map(\.setID) == set.responses.map(\.setID))
            #expect(ack.transactionSets.map(\.controlNumber) == set.responses.map(\.control))
            #expect(ack.transactionSets.map(\.result) == set.responses.map(\.result))
            #expect(ack.groupResult.code == set.ak9.code)
            #expect(ack.groupResult.includedCount == set.ak9.included)
            #expect(ack.groupResult.receivedCount == set.ak9.received)
            #expect(ack.groupResult.acceptedCount == set.ak9.accepted)
            // AK904 = the IK5 A or E count, AK902 = the AK2 count: independent of how the reader counts.
            #expect(ack.transactionSets.filter(\.isAccepted).count == set.ak9.accepted)
            #expect(ack.transactionSets.count == set.ak9.included)
        }
        let summary = try X12Summary(bytes: bytes, fileName: expected.file)
        #expect(summary.implementationAcknowledgments.map(\.groupResult) == expected.sets.map(\.ak9.code))
        #expect(summary.implementationAcknowledgments.map(\.accepted) == expected.sets.map(\.ak9.accepted))
    }

    @Test("Wisconsin's partial 999: IK3 CLM at 22 with CTX CLM01 and IK4 2/782/1; IK3 REF at 57 with a situational trigger")
    func wisconsinErrors() throws {
        let (acks, _) = try Corpus.file("999-wisconsin-partial.x12").implementationAcknowledgments()
        let ack = try #require(acks.first)
        #expect(ack.transactionSets.map(\.errorCodes) == [[], ["5"], ["5"]])
        let clm = try #require(ack.transactionSets[1].segmentErrors.first)
        #expect(clm.segmentID == "CLM" && clm.position == 22 && clm.loopID == nil && clm.code == "8")
        #expect(clm.contexts == [.init(name: "CLM01", reference: "123456789")])
        #expect(clm.elementErrors == [.init(position: 2, elementReference: "782", code: "1")])
        let ref = try #require(ack.transactionSets[2].segmentErrors.first)
        #expect(ref.segmentID == "REF" && ref.position == 57 && ref.code == "3")
        #expect(
            ref.contexts == [
                .init(name: "SITUATIONAL TRIGGER", segmentID: "CLM", segmentPosition: 43),
                .init(name: "CLM01", reference: "987654321"),
            ])
    }

    @Test("eMedNY's rejected 999: IK3 names segment NM at 17 with code 1, IK5 R 5")
    func emednyRejected() throws {
        let (acks, warnings) = try Corpus.file("999-emedny-rejected.x12").implementationAcknowledgments()
        #expect(warnings.isEmpty)
        let set = try #require(acks.first?.transactionSets.first)
        #expect(set.segmentErrors == [.init(segmentID: "NM", position: 17, code: "1")])
        #expect(set.errorCodes == ["5"])
    }

    @Test("eMedNY's rejected 277CA: '|' components, claim 3920394930203 rejected A7:562:85, REF*1K and REF*BLT")
    func rejected277() throws {
        let bytes = try Corpus.bytes("277ca-emedny-rejected.x12")
        #expect(readError(bytes, name: "277ca-emedny-rejected.x12") == nil)
        let file = try X12File(bytes: bytes, fileName: "277ca-emedny-rejected.x12")
        #expect(file.segmentCount == 28)
        #expect(file.interchanges.first?.separators.component == UInt8(ascii: "|"))
        let (acks, warnings) = try file.claimAcknowledgments()
        // The file's own counts (QTY*90 1, AMT*YU 199.14) disagree with its one claim, which is rejected: said.
        #expect(
            warnings.map(\.description) == [
                "277ca-emedny-rejected.x12: segment 14 (QTY), element 2: QTY*90 says 1 claim(s) accepted; the claims of this receiver (HL 21) show 0 accepted",
                "277ca-emedny-rejected.x12: segment 15 (AMT), element 2: AMT*YU says 199.14 accepted; the claims of this receiver (HL 21) show 0.00 accepted (Σ claim STC04)",
            ])
        let ack = try #require(acks.first)
        #expect(ack.reference == "3920394930203")
        let receiver = try #require(ack.receivers.first)
        #expect(ack.receivers.count == 1 && receiver.providers.count == 1)
        #expect(receiver.entity.trace == "11200001")
        // The file's own counts: QTY*90 1 and AMT*YU 199.14 …
        #expect(receiver.entity.acceptedCount == 1 && receiver.entity.acceptedAmount == amount("199.14"))
        #expect(receiver.entity.rejectedCount == nil)
        // … although its one claim is rejected.
        #expect(ack.claims.count == 1)
        let claim = try #require(ack.claims.first)
        #expect(claim.claimNumber == "3920394930203")
        #expect(claim.segmentNumber == 19)
        #expect(claim.statuses.map { [$0.category, $0.code, $0.entity ?? ""] } == [["A7", "562", "85"]])
        #expect(claim.statuses.first?.amount == amount("199.14"))
        #expect(claim.isRejected)
        #expect(claim.payerClaimNumber == "1107000000001120")
        #expect(claim.billType == "731")
        #expect(claim.serviceDate == DatePeriod(start: X12Date(year: 2009, month: 3, day: 11)!))
    }

    @Test("inspect counts the 277CA's claims, not its QTY: 0 accepted, 1 rejected")
    func rejected277Summary() throws {
        let summary = try X12Summary(bytes: Corpus.bytes("277ca-emedny-rejected.x12"), fileName: "277ca-emedny-rejected.x12")
        let ack = try #require(summary.claimAcknowledgments.first)
        #expect(ack.accepted == 0)
        #expect(ack.rejected == 1)
    }
}
