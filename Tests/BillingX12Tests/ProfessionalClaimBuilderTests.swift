import Billing
import BillingX12
import Testing
import TestSupport
import X12

@Suite("837P out")
struct ProfessionalClaimBuilderTests {
    @Test("claims written as an 837P and read back are the same claims")
    func roundTrip() throws {
        let world = try World(count: 20)
        for payer in [World.acme, World.medicaid] {
            let submissions = world.submissions(payer: payer)
            let batch = try World.builder.build(
                payer: payer, claims: submissions, control: World.control(7),
                filingIndicator: payer == World.medicaid ? "MC" : "CI")
            let bytes = try batch.interchange.x12()
            try X12Validator.validate(bytes: bytes)
            let read = try X12File(bytes: bytes, fileName: "out.837").professionalClaims()
            #expect(read.interchanges.count == 1)
            let back = SubmittedClaim.read(read.interchanges[0])
            let sent = submissions.map { SubmittedClaim(claim: $0.claim, practice: World.practice) }
            #expect(back == sent)
            #expect(batch.manifest.claimNumbers == sent.map(\.claimNumber))
            #expect(read.interchanges[0].transactionControlNumber == "1007")
        }
    }

    @Test(
        "the file carries REF*6R on every line, HI without decimals, the supervising provider and the dependent's loop")
    func segments() throws {
        let world = try World(count: 10)
        let batch = try World.builder.build(
            payer: World.acme, claims: world.submissions(payer: World.acme), control: World.control(1))
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("CLM*RC-1001*280***11:B:1*Y*A*Y*Y~"))
        #expect(text.contains("HI*ABK:F329*ABF:Z630~"))
        #expect(text.contains("REF*6R*RC-1001-1~"))
        #expect(text.contains("REF*6R*RC-1001-2~"))
        #expect(text.contains("NM1*DQ*1*Rivera*Ana****XX*1234567893~"))
        #expect(text.contains("PRV*PE*PXC*101YM0800X~"))
        #expect(text.contains("PAT*19~"))
        #expect(text.contains("SV1*HC:90837:95*200*UN*1***1~"))
        #expect(text.contains("DTP*472*D8*20260302~"))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("LX*") }.count == lines.filter { $0.hasPrefix("REF*6R*") }.count)
    }

    @Test("a replacement claim carries frequency 7 and REF*F8; without a payer claim number it is refused")
    func replacement() throws {
        let world = try World(count: 3)
        var submission = world.submissions(payer: World.acme)[0]
        submission.claim.frequency = .replacement
        #expect(throws: SubmissionError.missingOriginalClaimNumber(submission.claim.claimNumber!)) {
            try World.builder.build(payer: World.acme, claims: [submission], control: World.control(2))
        }
        submission.originalPayerClaimNumber = "ICN-9"
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(2))
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(":B:7*"))
        #expect(text.contains("REF*F8*ICN-9~"))
    }

    @Test("a claim billed to another payer is refused with its number, not the patient's name")
    func wrongPayer() throws {
        let world = try World(count: 5)
        let submission = world.submissions(payer: World.medicaid)[0]
        #expect(throws: SubmissionError.self) {
            try World.builder.build(payer: World.acme, claims: [submission], control: World.control(3))
        }
        let message = SubmissionError.wrongPayer(
            submission.claim.claimNumber!, expected: World.acme, got: World.medicaid
        ).description
        #expect(message.contains("RC-1005"))
        #expect(!message.contains("Pat5"))
    }
}
