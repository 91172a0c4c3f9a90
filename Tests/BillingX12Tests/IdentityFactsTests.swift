import Billing
import BillingX12
import Testing
import TestSupport
import X12

/// The patient identities an 837P cannot carry as they are: the facts the scrubber gets, what the scrubber
/// says, and the builder's refusal as the last guard; what it can carry once made plain passes pyx12.
@Suite("837P identities: refused at scrub, or written as the guide allows")
struct IdentityFactsTests {
    /// The first World claim (billed to Acme, patient is the subscriber) with `change` applied to the identity.
    static func submission(_ change: (inout PatientIdentity) -> Void) throws -> (ClaimSubmission, ScrubContext) {
        let world = try World(count: 1)
        var submission = world.submissions(payer: World.acme)[0]
        change(&submission.patient)
        let context = ScrubContext(
            practice: World.practice, patient: world.members[0].state, today: World.today,
            identity: IdentityFacts(identity: submission.patient))
        return (submission, context)
    }

    static func findings(_ submission: ClaimSubmission, _ context: ScrubContext) -> [ScrubFinding] {
        Scrubber.scrub(claim: submission.claim, context: context).filter { $0.ruleID >= "MH032" }
    }

    @Test("a plain identity: lengths as written, the address reads, no finding, and the file passes pyx12")
    func plain() throws {
        let (submission, context) = try Self.submission { _ in }
        let facts = try #require(context.identity)
        #expect(facts.lengths == [.lastName: 3, .firstName: 4, .memberID: 7, .address: 9])
        #expect(facts.cityLength == 6 && facts.addressReads && facts.unwritable.isEmpty && facts.replaced.isEmpty)
        #expect(Self.findings(submission, context).isEmpty)
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(1))
        try X12Validator.validate(bytes: try batch.interchange.x12())
    }

    @Test("accents and curly quotes: a warning (MH035) naming the part, the file written plain, and pyx12 finds it clean")
    func accents() throws {
        let (submission, context) = try Self.submission {
            $0.lastName = "Muñoz-O’Hara"
            $0.firstName = " José "
            $0.address = "12 Rue Française, Saint-Jérôme, IL 62701"
        }
        let findings = Self.findings(submission, context)
        #expect(findings.map(\.ruleID) == ["MH035", "MH035", "MH035"])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.map(\.message).contains { $0.hasPrefix("The patient's last name is written in the 837P with accents") })
        #expect(!findings.contains { $0.message.contains("Mu") || $0.message.contains("Jos") || $0.message.contains("Rue") })
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(2))
        let bytes = try batch.interchange.x12()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("NM1*IL*1*Munoz-O'Hara*Jose****MI*M100001~"))
        #expect(text.contains("N3*12 Rue Francaise~") && text.contains("N4*Saint-Jerome*IL*62701~"))
        try X12Validator.validate(bytes: bytes)
    }

    @Test("no member id: refused at scrub (MH032) and by the builder, never written")
    func noMemberID() throws {
        let (submission, context) = try Self.submission { $0.memberID = "  " }
        #expect(Self.findings(submission, context).map(\.ruleID) == ["MH032"])
        #expect(throws: SubmissionError.missingMemberID(submission.claim.claimNumber!)) {
            try World.builder.build(payer: World.acme, claims: [submission], control: World.control(3))
        }
    }

    @Test("a last name over 60 or a first name over 35 characters: refused at scrub (MH033), and the writer refuses NM103")
    func tooLong() throws {
        let (submission, context) = try Self.submission {
            $0.lastName = String(repeating: "Vaughan-", count: 8)
            $0.firstName = String(repeating: "Maximiliana", count: 4)
        }
        let messages = Self.findings(submission, context).map(\.message)
        #expect(Set(messages) == [
            "The patient's last name is longer than the 60 characters the 837P allows (NM103); enter it as the payer has it on file.",
            "The patient's first name is longer than the 35 characters the 837P allows (NM104); enter it as the payer has it on file.",
        ])
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(4))
        #expect(throws: X12Error.self) { try batch.interchange.x12() }
    }

    @Test("a name in another alphabet or holding a separator: refused at scrub (MH034) and by the builder, naming the part only")
    func unwritable() throws {
        for name in ["Иванова", "Doe*Smith"] {
            let (submission, context) = try Self.submission { $0.lastName = name }
            let findings = Self.findings(submission, context)
            #expect(findings.map(\.ruleID) == ["MH034"])
            #expect(findings.first?.message.hasPrefix("The patient's last name holds a character X12 cannot carry") == true)
            do {
                _ = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(5))
                Issue.record("expected a refusal")
            } catch {
                #expect(error == .unwritableIdentity(submission.claim.claimNumber!, .lastName))
                #expect(!error.description.contains(name))
            }
        }
    }

    @Test("an address that does not read as street, city, state and ZIP: refused at scrub (MH036) and by the builder")
    func unreadableAddress() throws {
        let (submission, context) = try Self.submission { $0.address = "12 Oak St, Springfield IL 62701" }
        #expect(Self.findings(submission, context).map(\.ruleID) == ["MH036"])
        #expect(throws: SubmissionError.unreadableAddress(submission.claim.claimNumber!)) {
            try World.builder.build(payer: World.acme, claims: [submission], control: World.control(6))
        }
    }

    @Test("practice, clinician and payer names from configuration are written plain too")
    func configuredNames() throws {
        let (submission, _) = try Self.submission { _ in }
        var builder = World.builder
        builder.providerNames[World.therapist] = PersonName(last: "Rivera ", first: "Ána")
        builder.billingProvider.name = PersonName(last: "Lakeside Counseling Group ")
        let bytes = try builder.build(payer: World.acme, claims: [submission], control: World.control(7)).interchange.x12()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("NM1*82*1*Rivera*Ana****XX*1234567893~"))
        #expect(text.contains("NM1*85*2*Lakeside Counseling Group*****XX*1245319599~"))
        try X12Validator.validate(bytes: bytes)
    }
}
