import Foundation
import Testing
@testable import X12

/// `rcm x12 inspect`'s verdicts: an 835's `balanced` over every identity, a 277CA's counts from its claims.
@Suite("inspect verdicts")
struct VerdictTests {
    /// The managed-care sample with line 1 of claim 5554555444 short by 10.00 in its PR adjustment (segment 19).
    ///
    /// Hand-computed: SVC 800.00 − 500.00 = 300.00 but its CAS is PR-1 290.00 (a line finding, segment 16);
    /// CLP 800.00 − 450.00 = 350.00 but Σ CAS = CO-A2 50.00 + 290.00 = 340.00 (a claim finding, segment 13);
    /// CLP05 300.00 ≠ Σ PR 290.00 (advisory); BPR02 945.00 = 450.00 + 495.00 − 0 (the payment identity holds).
    static func lineAndClaimFinding() throws -> [UInt8] {
        let text = try Fixture.text("835-managed-care.x12")
        #expect(text.contains("CAS*PR*1*300.00~"))
        return Array(text.replacingOccurrences(of: "CAS*PR*1*300.00~", with: "CAS*PR*1*290.00~").utf8)
    }

    @Test("an 835 with a line and a claim finding is balanced: false in inspect's JSON, its payment identity still holds")
    func lineAndClaimFindingsUnbalance() throws {
        let summary = try X12Summary(bytes: Self.lineAndClaimFinding(), fileName: "short.835")
        let json = try #require(try JSONSerialization.jsonObject(with: summary.json()) as? [String: Any])
        let payment = try #require((json["payments"] as? [[String: Any]])?.first)
        #expect(payment["balanced"] as? Bool == false)
        #expect(payment["paymentBalanced"] as? Bool == true)
        #expect(payment["lineFindings"] as? Int == 1)
        #expect(payment["claimFindings"] as? Int == 1)
        let findings = try #require(payment["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["level"] as? String } == ["line", "claim", "patientResponsibility"])
        #expect(findings.compactMap { $0["segmentNumber"] as? Int } == [16, 13, 13])
        let totals = try #require(json["paymentTotals"] as? [String: Any])
        #expect(totals["balanced"] as? Bool == false)
        #expect(totals["paymentBalanced"] as? Bool == true)
        #expect(totals["unbalancedPayments"] as? Int == 1)
        #expect(summary.text.contains("BPR02 945.00  ΣCLP04 945.00  ΣPLB 0.00  NOT BALANCED: BPR02 = ΣCLP04 − ΣPLB holds, but 1 claim and 1 line finding(s) below"))
        #expect(summary.text.contains("NOT BALANCED (1 of 1 payment(s))"))
        // Posting's check is the payment identity alone, unchanged.
        let (remits, _) = try X12File(bytes: Self.lineAndClaimFinding()).remittances()
        #expect(remits.first?.isBalanced == true)
    }

    @Test("a CLP05 finding alone is advisory: the payment stays balanced")
    func patientResponsibilityIsAdvisory() throws {
        // CLP05 300.00 → 310.00 on claim 5554555444: only CLP05 ≠ Σ PR 300.00 fails.
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "*450.00*300.00*", with: "*450.00*310.00*")
        let payment = try #require(try X12Summary(bytes: Array(text.utf8)).payments.first)
        #expect(payment.findings.map(\.level) == [.patientResponsibility])
        #expect(payment.balanced && payment.paymentBalanced)
    }

    @Test("a payment whose BPR02 is off says so and by how much")
    func paymentOff() throws {
        // BPR02 944.00 against ΣCLP04 945.00 − ΣPLB 0: off by −1.00.
        let text = try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "BPR*I*945.00*", with: "BPR*I*944.00*")
        let summary = try X12Summary(bytes: Array(text.utf8))
        let payment = try #require(summary.payments.first)
        #expect(!payment.balanced && !payment.paymentBalanced)
        #expect(summary.text.contains("NOT BALANCED: BPR02 ≠ ΣCLP04 − ΣPLB (off by -1.00)"))
    }

    @Test("a 277CA counts accepted and rejected claims from the claims themselves")
    func countsFromClaims() throws {
        // BH-2026-0001 A2:20 (accepted, STC04 250); BH-2026-0004 A7:562:82 (rejected, STC04 190). The receiver's
        // QTY*90 1 / QTY*AA 1 / AMT*YU 250 / AMT*YY 190 and the provider's QA 1 / QC 1 agree: no count warning.
        let summary = try X12Summary(bytes: try Fixture.bytes("277ca-rejected.x12"))
        let ack = try #require(summary.claimAcknowledgments.first)
        #expect(ack.accepted == 1 && ack.rejected == 1 && ack.undetermined == 0)
        #expect(ack.acceptedAmount == amount("250") && ack.rejectedAmount == amount("190"))
        #expect(ack.reportedAccepted == 1 && ack.reportedRejected == 1 && ack.countsAgree)
        #expect(ack.claims.map(\.outcome) == [.accepted, .rejected])
        #expect(!summary.warnings.contains { $0.contains("QTY") || $0.contains("AMT") })
        // 277ca-accepted: one claim A2:20 and a receiver QTY*90 1, no QTY*AA: 1 accepted, 0 rejected.
        let accepted = try #require(try X12Summary(bytes: try Fixture.bytes("277ca-accepted.x12")).claimAcknowledgments.first)
        #expect(accepted.accepted == 1 && accepted.rejected == 0 && accepted.reportedRejected == nil && accepted.countsAgree)
    }

    @Test("a 277CA whose QTY and AMT disagree with its claims warns at the segment and element")
    func countsDisagree() throws {
        // Receiver (segments 14–17): QTY*90 2 and AMT*YY 200, where its claims show 1 accepted and 190 rejected.
        var lines = try Fixture.text("277ca-rejected.x12").components(separatedBy: "\n")
        #expect(lines[13] == "QTY*90*1~" && lines[16] == "AMT*YY*190~")
        lines[13] = "QTY*90*2~"
        lines[16] = "AMT*YY*200~"
        let file = try read(lines.joined(separator: "\n"), name: "ack.277")
        let (_, warnings) = try file.claimAcknowledgments()
        #expect(warnings.map(\.description) == [
            "ack.277: segment 14 (QTY), element 2: QTY*90 says 2 claim(s) accepted; the claims of this receiver (HL 21) show 1 accepted",
            "ack.277: segment 17 (AMT), element 2: AMT*YY says 200.00 rejected; the claims of this receiver (HL 21) show 190.00 rejected (Σ claim STC04)",
        ])
        let summary = try X12Summary(file: file)
        let ack = try #require(summary.claimAcknowledgments.first)
        #expect(ack.accepted == 1 && ack.reportedAccepted == 2 && !ack.countsAgree)
        #expect(summary.text.contains("1 accepted, 1 rejected (from the claims); receivers report 2 accepted, 1 rejected — DISAGREES"))
    }

    @Test("a billing provider's QA count is checked too, and QTY*90 at that level is named")
    func providerCounts() throws {
        // Provider (segments 21–22): QTY*QC 2 where its claims show 1 rejected; QTY*90 instead of QA.
        var lines = try Fixture.text("277ca-rejected.x12").components(separatedBy: "\n")
        lines[20] = "QTY*90*1~"
        lines[21] = "QTY*QC*2~"
        let (_, warnings) = try read(lines.joined(separator: "\n"), name: "ack.277").claimAcknowledgments()
        #expect(warnings.map(\.description) == [
            "ack.277: segment 21 (QTY), element 1: QTY01 90 belongs to the receiver level; the billing provider level (loop 2200C) uses QA",
            "ack.277: segment 22 (QTY), element 2: QTY*QC says 2 claim(s) rejected; the claims of this billing provider (HL 19) show 1 rejected",
        ])
    }

    @Test("the 277CA writer puts QA and QC at the billing provider and reads back the same counts")
    func writerQualifiers() throws {
        let (acks, _) = try Fixture.file("277ca-rejected.x12").claimAcknowledgments()
        let bytes = try ClaimAcknowledgment.x12(acks, envelope: WriterRoundTripTests.envelope)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("QTY*90*1~") && text.contains("QTY*QA*1~") && text.contains("QTY*QC*1~"))
        let (again, warnings) = try X12File(bytes: bytes).claimAcknowledgments()
        #expect(again.first?.receivers.first?.providers.first?.entity.rejectedCount == 1)
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
