import Testing
@testable import X12

@Suite("our 835 fixtures")
struct OwnRemittanceFixtureTests {
    @Test("a reversal (CLP02 22) then its re-adjudication, a zero-paid denial, PLB interest and a WO recoupment balance to 210.35")
    func reversalAndPLB() throws {
        let (remits, warnings) = try Fixture.file("835-reversal-plb.x12").remittances()
        #expect(warnings.isEmpty, "\(warnings)")
        let remit = try #require(remits.first)
        #expect(remit.claims.map(\.status) == ["22", "1", "4", "1"])
        let reversal = remit.claims[0]
        #expect(reversal.isReversal)
        #expect(reversal.paid == amount("-96"))
        #expect(reversal.lines[0].units == X12Quantity(x12: "-1"))
        #expect(reversal.lines[0].lineControlNumber == "L0002-1")
        #expect(remit.claims[1].lines[0].allowed == amount("120"))
        let denial = remit.claims[2]
        #expect(denial.isDenied && denial.paid == .zero)
        #expect(denial.lines[0].remarkCodes == ["N54"])
        #expect(remit.claims[3].lines.map(\.procedure.modifiers) == [["95"], ["95"], ["95"]])
        let plb = try #require(remit.providerAdjustments.first)
        #expect(plb.items == [.init(reason: "L6", reference: "PAYERICN1004", amount: amount("-2.35")),
                              .init(reason: "WO", reference: "PAYERICN0999", amount: amount("50"))])
        #expect(remit.claimPaidTotal == amount("258"))
        #expect(remit.providerAdjustmentTotal == amount("47.65"))
        #expect(remit.payment.amount == amount("210.35"))
        #expect(remit.balanceFindings().isEmpty)
    }

    @Test("a secondary remittance carries OA-23 for the prior payer's impact and balances")
    func secondary() throws {
        let (remits, _) = try Fixture.file("835-secondary-oa23.x12").remittances()
        let claim = try #require(remits.first?.claims.first)
        #expect(claim.status == "2")
        #expect(claim.crossoverCarrier == nil)
        #expect(claim.lines[0].adjustments == [Adjustment(group: "OA", reason: "23", amount: amount("176"))])
        #expect(remits.first?.balanceFindings().isEmpty == true)
    }

    @Test("two payees in two transaction sets: one NPI, one tax id")
    func twoPayees() throws {
        let (remits, _) = try Fixture.file("835-two-payees.x12").remittances()
        #expect(remits.count == 2)
        #expect(remits[0].payee.npi == "1679576722")
        #expect(remits[1].payee.npi == nil)
        #expect(remits[1].payee.taxID == "987654321")
        #expect(remits.map(\.payment.amount) == [amount("96"), amount("100")])
        #expect(remits.allSatisfy { $0.isBalanced })
    }

    @Test("two interchanges with different separators and CRLF are read one after the other")
    func twoInterchanges() throws {
        let file = try Fixture.file("835-two-interchanges.x12")
        #expect(file.interchanges.map(\.controlNumber) == ["000000104", "000000105"])
        #expect(file.interchanges[1].separators.element == UInt8(ascii: "|"))
        let (remits, warnings) = try file.remittances()
        #expect(warnings.isEmpty)
        #expect(remits.map { $0.claims[0].lines[0].procedure.code } == ["90837", "90846"])
    }

    @Test("a 4010 file is refused with a message naming the version")
    func version4010() throws {
        let error = try #require(try Fixture.error("835-4010.x12"))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.description == "835-4010.x12: segment 1 (ISA), element 12: interchange version \"00401\" is 4010; only 5010 (00501) is read")
    }

    @Test("an unbalanced but well-formed 835 parses and reports each identity that fails")
    func unbalanced() throws {
        var text = try Fixture.text("835-managed-care.x12")
        text = text.replacingOccurrences(of: "BPR*I*945.00*", with: "BPR*I*944.00*")
        text = text.replacingOccurrences(of: "SVC*HC:99211*800.00*500.00~", with: "SVC*HC:99211*800.00*510.00~")
        let (remits, _) = try read(text).remittances()
        let findings = try #require(remits.first).balanceFindings()
        #expect(findings.map(\.level) == [.line, .payment])
        #expect(findings[0].description == "segment 16: claim 5554555444, line 1: SVC02 − SVC03 = 290.00 ≠ Σ line adjustments 300.00 (off by -10.00)")
        #expect(findings[1].description == "segment 3: transaction set 112233: BPR02 944.00 ≠ ΣCLP04 − ΣPLB 945.00 (off by -1.00)")
    }
}

@Suite("crossover")
struct CrossoverTests {
    @Test("a claim processed as primary and forwarded (CLP02 19) names the crossover carrier (NM1*TT)")
    func crossover() throws {
        let text = try Fixture.text("835-managed-care.x12")
            .replacingOccurrences(of: "CLP*5554555444*1*", with: "CLP*5554555444*19*")
            .replacingOccurrences(of: "NM1*QC*1*BUDD*WILLIAM****MI*33344555510~", with: "NM1*QC*1*BUDD*WILLIAM****MI*33344555510~\nNM1*TT*2*SECOND PLAN*****PI*SEC02~")
            .replacingOccurrences(of: "SE*26*", with: "SE*27*")
        let (remits, _) = try read(text).remittances()
        let claim = try #require(remits.first?.claims.first)
        #expect(claim.status == "19")
        #expect(claim.crossoverCarrier?.id?.value == "SEC02")
        #expect(claim.crossoverCarrier?.name.value.last == "SECOND PLAN")
    }
}
