import Testing
@testable import X12

@Suite("835 samples read as SOURCES.md says")
struct RemittanceSampleTests {
    @Test("managed care: two claims, every identity holds, BPR02 945.00")
    func managedCare() throws {
        let file = try Fixture.file("835-managed-care.x12")
        let (remits, warnings) = try file.remittances()
        #expect(remits.count == 1)
        let remit = try #require(remits.first)
        #expect(remit.payment.amount == amount("945.00"))
        #expect(remit.claimPaidTotal == amount("945"))
        #expect(remit.providerAdjustmentTotal == .zero)
        #expect(remit.isBalanced)
        #expect(remit.balanceFindings().isEmpty)
        #expect(remit.claims.map(\.patientControlNumber) == ["5554555444", "8765432112"])
        #expect(remit.claims[0].adjustments == [Adjustment(group: "CO", reason: "A2", amount: amount("50"))])
        #expect(remit.claims[1].lines[0].adjustments.map(\.reason) == ["1", "45"])
        #expect(remit.payee.npi == "5544667733")
        #expect(remit.trace.number == "7170066655")
        #expect(remit.claims[0].lines[0].procedure.code == "99211")
        #expect(remit.claims[0].lines[0].serviceDate == DatePeriod(start: X12Date(year: 2002, month: 3, day: 1)!, end: X12Date(year: 2002, month: 3, day: 4)!))
        // BPR16 20002316 is not a date: read, with a warning naming it.
        #expect(remit.payment.date == nil)
        #expect(warnings.contains { $0.description.contains("segment 4 (BPR), element 16: \"20002316\" is not a date") })
    }

    @Test("institutional: PLB of -1.27 makes BPR02 = ΣCLP04 − ΣPLB = 150000.00")
    func institutional() throws {
        let (remits, _) = try Fixture.file("835-institutional-with-plb.x12").remittances()
        let remit = try #require(remits.first)
        #expect(remit.payment.amount == amount("150000"))
        #expect(remit.claimPaidTotal == amount("149998.73"))
        #expect(remit.providerAdjustmentTotal == amount("-1.27"))
        #expect(remit.isBalanced)
        #expect(remit.balanceFindings().isEmpty)
        #expect(remit.providerAdjustments.first?.items.first == .init(reason: "CV", reference: "CP", amount: amount("-1.27")))
        #expect(remit.claims[1].remarkCodes == ["MA02"])
        #expect(remit.payer.identifier == "999")
    }

    @Test("COB: OA-23 and negative OA-94 balance; '>' in SVC01 comes back as a warning")
    func cob() throws {
        let (remits, warnings) = try Fixture.file("835-cob-contractual-adjustment.x12").remittances()
        let remit = try #require(remits.first)
        #expect(remit.balanceFindings().isEmpty)
        let line = try #require(remit.claims.first?.lines.first)
        #expect(line.procedure.code == "55669")
        #expect(line.adjustments.map(\.reason) == ["23", "94"])
        #expect(line.adjustments[1].amount == amount("-9"))
        #expect(line.allowed == amount("550"))
        #expect(remit.payment.date == nil)
        #expect(warnings.map(\.description).contains(
            "835-cob-contractual-adjustment.x12: segment 4 (BPR), element 16: BPR16 (payment date) is missing; BPR15 holds \"20050318\", a date one element early (a separator short?); the payment date is left empty"))
        #expect(warnings.map(\.description).contains(
            "835-cob-contractual-adjustment.x12: segment 21 (SVC), element 1: composite \"HC>55669\" uses '>' but ISA16 declares ':' as the component separator; read with '>'"))
    }

    @Test("denial notification: BPR*H zero payment, CLP02 4, CO-16 with N14")
    func denial() throws {
        let (remits, _) = try Fixture.file("835-denial-notification.x12").remittances()
        let remit = try #require(remits.first)
        #expect(remit.payment.handlingCode == "H")
        #expect(remit.payment.amount == .zero)
        #expect(remit.isBalanced)
        #expect(remit.balanceFindings().isEmpty)
        let claim = try #require(remit.claims.first)
        #expect(claim.isDenied)
        #expect(claim.lines.count == 3)
        #expect(claim.lines[0].adjustments == [Adjustment(group: "CO", reason: "16", amount: amount("500.04"))])
        #expect(claim.lines.allSatisfy { $0.remarkCodes == ["N14"] })
        #expect(claim.patient?.name.value.last == "BACH")
        #expect("\(claim.patient!.name)" == "[PHI]")
    }
}
