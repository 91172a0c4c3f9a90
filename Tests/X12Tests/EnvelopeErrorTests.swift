import Testing
@testable import X12

@Suite("envelope and syntax errors name the segment, the element and what is wrong")
struct EnvelopeErrorTests {
    static func managedCare() throws -> String { try Fixture.text("835-managed-care.x12") }

    func error(_ text: String) -> String? { readError(text, name: "remit.835")?.description }

    @Test("a wrong SE count")
    func seCount() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "SE*26*112233", with: "SE*25*112233")
        #expect(error(text) == "remit.835: segment 28 (SE), element 1: SE01 says 25 segments but transaction set 112233 has 26 (ST through SE)")
    }

    @Test("SE02 that does not match ST02")
    func seControl() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "SE*26*112233", with: "SE*26*112234")
        #expect(error(text) == "remit.835: segment 28 (SE), element 2: SE02 \"112234\" does not match ST02 \"112233\" (segment 3)")
    }

    @Test("GE02 that does not match GS06")
    func geControl() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "GE*1*1~", with: "GE*1*2~")
        #expect(error(text) == "remit.835: segment 29 (GE), element 2: GE02 \"2\" does not match GS06 \"1\" (segment 2)")
    }

    @Test("a GE count that does not match the transaction sets")
    func geCount() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "GE*1*1~", with: "GE*2*1~")
        #expect(error(text) == "remit.835: segment 29 (GE), element 1: GE01 says 2 transaction sets but functional group 1 has 1")
    }

    @Test("IEA02 that does not match ISA13, and a wrong IEA count")
    func iea() throws {
        let control = try Self.managedCare().replacingOccurrences(of: "IEA*1*000000907", with: "IEA*1*000000908")
        #expect(error(control) == "remit.835: segment 30 (IEA), element 2: IEA02 \"000000908\" does not match ISA13 \"000000907\" (segment 1)")
        let count = try Self.managedCare().replacingOccurrences(of: "IEA*1*000000907", with: "IEA*2*000000907")
        #expect(error(count) == "remit.835: segment 30 (IEA), element 1: IEA01 says 2 functional groups but interchange 000000907 has 1")
    }

    @Test("a bad amount names the segment, the element and the token")
    func badAmount() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "CLP*5554555444*1*800.00*450.00", with: "CLP*5554555444*1*800.00*12.3.4")
        #expect(error(text) == "remit.835: segment 13 (CLP), element 4: \"12.3.4\" is not an amount")
    }

    @Test("a file that ends inside a transaction set, and one without ISA")
    func truncated() throws {
        let text = try Self.managedCare()
        let cut = String(text[..<text.range(of: "SE*26")!.lowerBound])
        #expect(error(cut) == "remit.835: segment 27 (CAS): the file ends inside transaction set 112233 (ST at segment 3): SE is missing")
        #expect(error("GS*HP*1~") == "remit.835: segment 1: the file does not start with an ISA interchange header")
        #expect(error("") == "remit.835: the file holds no segments")
    }

    @Test("an unterminated last segment and a garbage segment id")
    func syntax() throws {
        let text = try Self.managedCare()
        let unterminated = String(text.dropLast())
        #expect(error(unterminated) == "remit.835: segment 30 (IEA): the file ends before the segment terminator '~'")
        let garbage = text.replacingOccurrences(of: "LX*1~", with: "lx*1~")
        #expect(error(garbage) == "remit.835: segment 12: expected a segment identifier (2 or 3 capital letters or digits), found \"lx\"")
    }

    @Test("a patient name is never echoed in an error")
    func noNames() throws {
        let text = try Self.managedCare().replacingOccurrences(of: "NM1*QC*1*BUDD*WILLIAM****MI*33344555510", with: "NM1*QC*1****MI*33344555510")
        let message = try #require(error(text))
        #expect(message == "remit.835: segment 15 (NM1), element 3: NM103 (last or organisation name) is missing")
    }
}

@Suite("X12 values")
struct ValueTests {
    @Test("amounts parse X12 decimal text to cents and refuse what is not an amount")
    func amounts() {
        #expect(X12Amount(x12: "12")?.cents == 1200)
        #expect(X12Amount(x12: "12.3")?.cents == 1230)
        #expect(X12Amount(x12: "-12.30")?.cents == -1230)
        #expect(X12Amount(x12: ".5")?.cents == 50)
        #expect(X12Amount(x12: "12.300")?.cents == 1230)
        #expect(X12Amount(x12: "0")?.cents == 0)
        for bad in ["12.3.4", "1e3", "12.345", "", "-", ".", "+5", "1,000", " 5", "99999999999999999"] {
            #expect(X12Amount(x12: bad) == nil, "\(bad)")
        }
        #expect(X12Amount(cents: 12550).x12 == "125.5")
        #expect(X12Amount(cents: -5).x12 == "-0.05")
        #expect(X12Amount(cents: 12500).description == "125.00")
    }

    @Test("quantities keep three decimals, as the billing domain does")
    func quantities() {
        #expect(X12Quantity(x12: "1.5")?.thousandths == 1500)
        #expect(X12Quantity(x12: "99.99")?.x12 == "99.99")
        #expect(X12Quantity(x12: "1.2345") == nil)
        #expect(X12Quantity(x12: "1.2340")?.x12 == "1.234")
    }

    @Test("dates are real calendar days")
    func dates() {
        #expect(X12Date(x12: "20240229") != nil)
        #expect(X12Date(x12: "20230229") == nil)
        #expect(X12Date(x12: "20002316") == nil)
        #expect(X12Date(x12: "2024011") == nil)
        #expect(X12Date(x12: "20240105")?.description == "2024-01-05")
    }

    @Test("NPI check digits")
    func npi() {
        #expect(NPI.isValid("1234567893"))
        #expect(!NPI.isValid("1234567890"))
        #expect(!NPI.isValid("6543210903"))
    }

    @Test("PHI never prints")
    func phi() {
        let name = PHI(PersonName(last: "DOE"))
        #expect("\(name)" == "[PHI]")
        #expect(String(reflecting: name) == "[PHI]")
    }
}

@Suite("versions")
struct VersionTests {
    @Test("a 5010 interchange holding a 4010 functional group is refused at GS08")
    func group4010() throws {
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "*X*005010X221A1~", with: "*X*004010X091A1~")
        #expect(readError(text, name: "old.835")?.description
            == "old.835: segment 2 (GS), element 8: functional group version \"004010X091A1\" is 4010; only 5010 (00501…) is read")
    }
}

@Suite("tolerances")
struct ToleranceTests {
    @Test("a DOS end-of-file marker and NUL padding after the last segment are ignored")
    func trailingPadding() throws {
        var bytes = try Fixture.bytes("835-managed-care.x12")
        bytes += [0x0D, 0x0A, 0x1A, 0x00, 0x00]
        #expect(try X12File(bytes: bytes).remittances().remittances.count == 1)
    }

    @Test("every segment on its own indented line with CRLF, after a byte-order mark, reads the same")
    func indentation() throws {
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "~", with: "~\r\n    ")
        let plain = try Fixture.file("835-managed-care.x12").remittances().remittances
        let indented = try X12File(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)).remittances().remittances
        #expect(indented == plain)
    }
}
