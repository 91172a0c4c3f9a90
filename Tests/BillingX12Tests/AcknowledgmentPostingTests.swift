import Billing
import BillingX12
import Testing
import X12

@Suite("999 and 277CA in: acknowledgment posting")
struct AcknowledgmentPostingTests {
    let world: World
    init() throws { world = try World(count: 6) }

    var manifests: [SubmissionManifest] {
        [
            SubmissionManifest(
                interchangeControlNumber: 5, groupControlNumber: 5, transactionControlNumber: "1001",
                batchReference: "B5", payerID: "ACME1", claimNumbers: ["RC-1001", "RC-1002"]),
            SubmissionManifest(
                interchangeControlNumber: 5, groupControlNumber: 5, transactionControlNumber: "1002",
                batchReference: "B5", payerID: "ACME1", claimNumbers: ["RC-1003"]),
        ]
    }

    @Test("a partial 999 rejects the claims of the rejected set with codes only, and says which sets it cannot match")
    func partial999() {
        let ack = ImplementationAcknowledgment(
            controlNumber: "0009", groupFunctionalID: "HC", groupControlNumber: "000000005",
            transactionSets: [
                .init(setID: "837", controlNumber: "1001", result: "A"),
                .init(
                    setID: "837", controlNumber: "1002",
                    segmentErrors: [
                        .init(
                            segmentID: "NM1", position: 14, loopID: "2010BA", code: "8",
                            contexts: [.init(name: "CLM01", reference: "RC-1003")],
                            elementErrors: [
                                .init(position: 3, elementReference: "1035", code: "6", badValue: "D0E~SMITH")
                            ])
                    ], result: "R", errorCodes: ["5"]),
                .init(setID: "837", controlNumber: "7777", result: "A"),
            ], groupResult: .init(code: "P", includedCount: 3, receivedCount: 3, acceptedCount: 2))
        let plan = AcknowledgmentPosting.plan(ack, submissions: manifests, receivedOn: World.today) { world.claims[$0] }
        #expect(plan.groupResult == "P")
        #expect(plan.sets.map(\.accepted) == [true, false, true])
        #expect(plan.sets.map(\.matched) == [true, true, false])
        #expect(plan.sets[1].errors == ["IK3 NM1 14 2010BA 8", "IK4 3 1035 6"])
        #expect(plan.commands.map(\.claimNumber.rawValue) == ["RC-1003"])
        guard case .reject(let category, let code, let message, _) = plan.commands.first?.command else {
            Issue.record("no rejection")
            return
        }
        #expect(category == "999")
        #expect(code == "R")
        #expect(message == "IK5 R 5; IK3 NM1 14 2010BA 8; IK4 3 1035 6")
        #expect(!message.contains("SMITH"))
        let claim = Claim.replay(
            try! Claim.decide(plan.commands[0].command, world.claims[ClaimNumber("RC-1003")!]!),
            from: world.claims[ClaimNumber("RC-1003")!]!)
        #expect(claim.status == .rejected)
    }

    func status(_ number: String, _ category: String, _ code: String, entity: String? = "PR", icn: String? = nil)
        -> ClaimStatus
    {
        ClaimStatus(
            patient: Party(entity: "QC", name: PersonName(last: "Doe", first: "Pat")), claimNumber: number,
            statuses: [StatusInfo(category: category, code: code, entity: entity)], payerClaimNumber: icn)
    }

    func ack277(_ claims: [ClaimStatus], reference: String = "R1") -> ClaimAcknowledgment {
        ClaimAcknowledgment(
            controlNumber: "0001", reference: reference, source: .init(entity: "AY", name: PersonName(last: "CH")),
            receivers: [
                .init(
                    entity: .init(entity: "41", name: PersonName(last: "Cycle"), trace: "B5"),
                    providers: [.init(entity: .init(entity: "85", name: PersonName(last: "Lakeside")), claims: claims)])
            ])
    }

    @Test("277CA: A2 acknowledges with the payer claim number, A7 rejects with codes, pending is only noted")
    func claimAck() {
        let ack = ack277([
            status("RC-1001", "A2", "20", icn: "ICN-1"), status("RC-1002", "A7", "562", entity: "85"),
            status("RC-1003", "P1", "20"), status("NOPE-1", "A2", "20"),
        ])
        let plan = AcknowledgmentPosting.plan(ack, receivedOn: World.today) { world.claims[$0] }
        #expect(plan.batchReferences == ["B5"])
        #expect(plan.commands.count == 2)
        #expect(plan.commands[0].command == .acknowledge(payerClaimNumber: "ICN-1", on: World.today))
        #expect(
            plan.commands[1].command
                == .reject(category: "A7", statusCode: "562", message: "STC A7:562:85", on: World.today))
        #expect(plan.notes.map(\.claimNumber) == ["RC-1003", "NOPE-1"])
        #expect(Set(plan.commands.map(\.dedupeKey)).count == 2)
    }

    @Test("a claim acknowledged twice (A1 then A2, or the same file again) is acknowledged once")
    func countsOnce() throws {
        let ack = ack277([status("RC-1001", "A1", "19"), status("RC-1001", "A2", "20", icn: "ICN-1")])
        let plan = AcknowledgmentPosting.plan(ack, receivedOn: World.today) { world.claims[$0] }
        #expect(plan.commands.count == 1)
        #expect(plan.commands.first?.command == .acknowledge(payerClaimNumber: "ICN-1", on: World.today))
        #expect(plan.notes.isEmpty)
        var claims = world.claims
        let number = ClaimNumber("RC-1001")!
        claims[number] = Claim.replay(
            try Claim.decide(plan.commands[0].command, claims[number]!), from: claims[number]!)
        let again = AcknowledgmentPosting.plan(ack, receivedOn: World.today) { claims[$0] }
        #expect(again.commands.isEmpty)
        #expect(again.notes.count == 1)
        #expect(again.notes.first?.dedupeKey == plan.commands.first?.dedupeKey)
    }
}
