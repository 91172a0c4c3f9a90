import Testing
@testable import X12

@Suite("PHI stays out of printed values")
struct PHITests {
    @Test("printing a whole remittance shows no patient name or member id")
    func remittance() throws {
        let (remits, _) = try Fixture.file("835-managed-care.x12").remittances()
        let printed = String(describing: remits) + String(reflecting: remits)
        for secret in ["BUDD", "WILLIAM", "SETTLE", "33344555510"] { #expect(!printed.contains(secret), "\(secret)") }
        #expect(printed.contains("[PHI]"))
    }

    @Test("printing a whole 837P interchange shows no subscriber, patient or birth date")
    func claims() throws {
        let printed = String(describing: BehavioralHealthSample.interchange) + String(reflecting: BehavioralHealthSample.interchange)
        for secret in ["JANE", "MBR0001", "SAM", "19850412", "1985", "12 ELM ST", "PRIM123"] { #expect(!printed.contains(secret), "\(secret)") }
    }

    @Test("printing 277CA claims and 999 bad values shows no names")
    func acknowledgments() throws {
        let (claimAcks, _) = try Fixture.file("277ca-rejected.x12").claimAcknowledgments()
        let printed = String(describing: claimAcks)
        for secret in ["DOE", "SMITH", "MCD998877"] { #expect(!printed.contains(secret), "\(secret)") }
        let (acks, _) = try Fixture.file("999-partial.x12").implementationAcknowledgments()
        #expect(!String(describing: acks).contains("12.3.4"))
    }
}

@Suite("transaction structure errors")
struct StructureErrorTests {
    func replacing(_ name: String, _ old: String, _ new: String) throws -> String? {
        let text = try Fixture.text(name)
        #expect(text.contains(old))
        return readError(text.replacingOccurrences(of: old, with: new), name: name)?.description
    }

    @Test("a 277CA claim level under the wrong parent is named")
    func wrongParent() throws {
        #expect(try replacing("277ca-rejected.x12", "HL*4*3*PT~", "HL*4*2*PT~")
            == "277ca-rejected.x12: segment 25 (HL), element 2: an HL PT must have an HL 19 parent")
    }

    @Test("a 999 set response without IK5 is named")
    func missingIK5() throws {
        #expect(try replacing("999-partial.x12", "IK5*A~", "NTE*X~")
            == "999-partial.x12: segment 7 (AK2): AK2 before IK5 closes the response for transaction set 0001")
    }

    @Test("an 837P line without a date of service is named")
    func lineWithoutDate() throws {
        #expect(try replacing("837p-behavioral-health.x12", "DTP*472*D8*20260210~", "NTE*ADD*X~")
            == "837p-behavioral-health.x12: segment 27 (SV1): the service line has no DTP*472 date of service")
    }

    @Test("a CAS with a 4010 group code is read and named in a warning (posting refuses it)")
    func crGroup() throws {
        #expect(try replacing("835-managed-care.x12", "CAS*CO*A2*50.00~", "CAS*CR*A2*50.00~") == nil)
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "CAS*CO*A2*50.00~", with: "CAS*CR*A2*50.00~")
        let (_, warnings) = try read(text, name: "835-managed-care.x12").remittances()
        #expect(warnings.map(\.description).contains(
            "835-managed-care.x12: segment 14 (CAS), element 1: CAS01 \"CR\" (corrections and reversals) is a 4010 group; 5010 allows CO, OA, PI, PR here"))
    }
}
