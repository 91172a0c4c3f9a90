import Testing
import TestSupport
@testable import X12

@Suite("837P writing and reading")
struct ProfessionalClaimTests {
    @Test("a behavioral-health 837P written then read back gives the same interchange")
    func roundTrip() throws {
        let bytes = try BehavioralHealthSample.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let file = try X12File(bytes: bytes, fileName: "written.837")
        let (read, warnings) = try file.professionalClaims()
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(read == [BehavioralHealthSample.interchange])
        #expect(read.first?.claims.count == 5)
    }

    @Test("the written 837P matches the committed fixture byte for byte")
    func golden() throws {
        let bytes = try BehavioralHealthSample.interchange.x12()
        #expect(String(decoding: bytes, as: UTF8.self) == (try Fixture.text("837p-behavioral-health.x12")))
    }

    @Test("envelope counts of a written 837P are right")
    func counts() throws {
        let file = try X12File(bytes: try BehavioralHealthSample.interchange.x12())
        let set = try #require(file.transactionSets.first)
        #expect(set.implementation == "005010X222A1")
        #expect(file.interchanges.first?.controlNumber == "000004211")
        #expect(file.interchanges.first?.senderID == "RCMBILLING")
    }

    @Test("telehealth lines carry POS 10 and modifier 95")
    func telehealth() throws {
        let (read, _) = try X12File(bytes: try BehavioralHealthSample.interchange.x12()).professionalClaims()
        let claim = try #require(read.first?.claims.first { $0.claimNumber == "BH-2026-0003" })
        #expect(claim.placeOfService == "10")
        #expect(claim.lines.allSatisfy { $0.procedure.modifiers == ["95"] && $0.placeOfService == "10" })
        #expect(claim.lines[2].diagnosisPointers == [2, 1])
    }

    @Test("a replacement claim without REF*F8 is refused with the claim number")
    func replacementNeedsF8() {
        var interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[1].claims[0].originalPayerClaimNumber = nil
        #expect(throws: X12Error.self) { try interchange.x12() }
        do { _ = try interchange.x12() } catch {
            #expect(error.description == "segment REF: claim BH-2026-0004 has frequency 7 but no REF*F8 (the payer's original claim number)")
        }
    }

    @Test("a value holding a separator is refused without echoing it")
    func separatorInValue() {
        var interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].subscriber.name.last = "DOE*SMITH"
        do {
            _ = try interchange.x12()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("NM1"))
            #expect(!error.description.contains("DOE"))
        }
    }

    @Test("CLM02 must equal the sum of the lines")
    func totalMustBalance() {
        var interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].claims[0].totalCharge = X12Amount(cents: 1)
        #expect(throws: X12Error.self) { try interchange.x12() }
    }
}
