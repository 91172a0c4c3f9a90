import Foundation
import Testing
import X12

@Suite("X12Redactor takes one person out of a raw file")
struct RedactorTests {
    static let isa = "ISA*00*          *00*          *ZZ*NWBILLING      *ZZ*CLEARHOUSE     *260601*1200*^*00501*000000001*0*P*:~"
    static let file = [
        isa, "GS*HC*NWBILLING*CLEARHOUSE*20260601*1200*1*X*005010X222A1~", "ST*837*0001*005010X222A1~",
        "NM1*85*2*ACME COUNSELING LLC*****XX*1234567893~", "N3*100 MAIN ST~", "N4*SPRINGFIELD*IL*627011234~",
        "NM1*IL*1*Quaxworth*Zebediah****MI*WQX99887766~", "N3*9 Birch Rd~", "N4*Springfield*IL*62701~", "DMG*D8*19880412*U~",
        "CLM*C1*150***11:B:1*Y*A*Y*Y~",
        "NM1*IL*1*Brackenbury*Ottoline****MI*OBX31415926~", "N3*3 Larch Ln~", "DMG*D8*19910506*U~",
        "NM1*QC*1*QUAXWORTH*ZEBEDIAH~", "REF*EA*WQX99887766~", "SE*15*0001~", "GE*1*1~", "IEA*1*000000001~",
    ].joined(separator: "\n")

    @Test("the person's NM1 loop and ids become X; the practice, the other patient and the envelope stay; the file still reads")
    func redacts() throws {
        let redactor = X12Redactor(.init(lastName: "Quaxworth", firstName: "Zebediah", ids: ["WQX99887766"]))
        let outcome = redactor.redact(Array(Self.file.utf8))
        let text = String(decoding: outcome.bytes, as: UTF8.self)
        for planted in ["Quaxworth", "QUAXWORTH", "Zebediah", "WQX99887766", "19880412", "9 Birch Rd"] {
            #expect(!text.contains(planted), "\(planted) is gone")
        }
        #expect(text.contains("NM1*IL*1*X*X****MI*X~\nN3*X~\nN4*X*X*X~\nDMG*D8*X*X~"))
        #expect(text.contains("NM1*IL*1*Brackenbury*Ottoline****MI*OBX31415926~\nN3*3 Larch Ln~\nDMG*D8*19910506*U~"))
        #expect(text.contains("N3*100 MAIN ST~\nN4*SPRINGFIELD*IL*627011234~"))
        #expect(outcome.segmentsRedacted == 6)
        _ = try X12File(bytes: outcome.bytes)
    }

    @Test("a file that does not mention the person comes back unchanged; so does one without an ISA")
    func unchanged() {
        let redactor = X12Redactor(.init(lastName: "Nobody", firstName: "Here", ids: ["ZZZ1"]))
        let bytes = Array(Self.file.utf8)
        #expect(redactor.redact(bytes) == X12Redactor.Outcome(bytes: bytes, segmentsRedacted: 0))
        #expect(redactor.redact(Array("not x12".utf8)).segmentsRedacted == 0)
    }
}
