import Testing
import X12

@Suite("The people a raw X12 file names")
struct MentionsTests {
    @Test("the last names and ids of subscriber, patient and corrected-insured NM1s, in X12 form; other parties are left out")
    func personSegmentsOnly() {
        let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~"
        let file = isa + "GS*HC*S*R*20260101*1200*1*X*005010X222A1~NM1*85*2*ACME COUNSELING*****XX*1234567893~"
            + "NM1*IL*1*Quaxworth*Zebediah****MI*wqx99887766~NM1*QC*1*BRACKENBURY*OTTOLINE~NM1*PR*2*AETNA*****PI*60054~"
        #expect(X12Mentions.of(Array(file.utf8)) == ["QUAXWORTH", "WQX99887766", "BRACKENBURY"])
        #expect(X12Mentions.normalized(" Quaxworth ") == "QUAXWORTH")
        #expect(X12Mentions.of(Array("not x12".utf8)).isEmpty)
    }
}
