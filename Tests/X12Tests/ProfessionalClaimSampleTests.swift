import Testing
@testable import X12

@Suite("837P samples read as SOURCES.md says")
struct ProfessionalClaimSampleTests {
    @Test("the commercial sample's defects come back as precise warnings: X222A2, NPI check digit, '>' composites, ICD-9")
    func commercialDefects() throws {
        let (interchanges, warnings) = try Fixture.file("837p-commercial.x12").professionalClaims()
        #expect(warnings.map(\.description) == [
            "837p-commercial.x12: segment 3 (ST), element 3: transaction set 3701 declares \"005010X222A2\"; this reader follows 005010X222A1",
            "837p-commercial.x12: segment 9 (NM1), element 9: NPI \"1234567890\" fails its check digit",
            "837p-commercial.x12: segment 21 (CLM), element 5: composite \"11>B>1\" uses '>' but ISA16 declares ':' as the component separator; read with '>'",
            "837p-commercial.x12: segment 26 (HI), element 1: composite \"BK>7215\" uses '>' but ISA16 declares ':' as the component separator; read with '>'",
            "837p-commercial.x12: segment 26 (HI), element 1, component 1: qualifier BK is ICD-9; 5010 claims use ABK/ABF (ICD-10-CM)",
            "837p-commercial.x12: segment 28 (SV1), element 1: composite \"HC>98940\" uses '>' but ISA16 declares ':' as the component separator; read with '>'",
        ])
        let claim = try #require(interchanges.first?.claims.first)
        #expect(claim.claimNumber == "125WILL")
        #expect(claim.totalCharge == amount("145.50"))
        #expect(claim.placeOfService == "11" && claim.frequency == "1")
        #expect(claim.lines.first?.procedure.code == "98940")
        #expect(claim.lines.first?.lineControlNumber == "01")
    }

    @Test("the Medicaid sample: byte-order mark, CRLF, indentation, '|' repetition and '>' component separators")
    func medicaidSeparators() throws {
        let file = try Fixture.file("837p-medicaid-separators.x12")
        let separators = try #require(file.interchanges.first?.separators)
        #expect(separators.component == UInt8(ascii: ">") && separators.repetition == UInt8(ascii: "|"))
        let (interchanges, warnings) = try file.professionalClaims()
        let claims = try #require(interchanges.first?.claims)
        #expect(claims.count == 5)
        #expect(claims.allSatisfy { $0.lines.count == 2 && $0.lines[0].procedure.qualifier == "XX" })
        #expect(claims[0].lines[0].serviceDate.start == X12Date(x12: "20111212"))
        #expect(claims[0].lines[0].units == X12Quantity(x12: "99.99"))
        // Masked on purpose: duplicate CLM01, no HI, CLM02 ≠ Σ SV102, each said once per claim.
        #expect(warnings.filter { $0.message.contains("appears more than once") }.count == 4)
        #expect(warnings.filter { $0.message.contains("has no diagnosis") }.count == 5)
        #expect(warnings.contains { $0.description == "837p-medicaid-separators.x12: segment 22 (CLM), element 2: claim 9999: CLM02 99.99 differs from Σ SV102 109.98" })
        #expect(warnings.allSatisfy { !$0.message.contains("uses '>'") })
        #expect(warnings.contains { $0.description == "837p-medicaid-separators.x12: segment 22 (CLM), element 5, component 3: claim 9999: frequency \"9\" is not 1, 6, 7 or 8" })
    }
}
