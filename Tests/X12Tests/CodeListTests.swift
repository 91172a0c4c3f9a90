import Foundation
import Testing
@testable import X12

/// Values the implementation guides close: each bad one is a warning naming the segment and element, the file is
/// still read, and no name or member id is echoed.
@Suite("closed code lists")
struct CodeListTests {
    /// The warnings reading `name` gives after replacing `old` (which must be there) with `new`.
    func warnings(_ name: String, _ old: String, _ new: String) throws -> [X12Warning] {
        let text = try Fixture.text(name)
        #expect(text.contains(old), "\(old) in \(name)")
        let file = try read(text.replacingOccurrences(of: old, with: new), name: name)
        return try file.contents().warnings
    }

    /// The one warning at `segment`/`element` (and `component`), its description.
    func warning(at segment: Int, element: Int, component: Int? = nil, in warnings: [X12Warning]) -> String? {
        let found = warnings.filter {
            $0.location.segmentNumber == segment && $0.location.element == element && $0.location.component == component
        }
        #expect(found.count == 1, "\(warnings)")
        return found.first?.description
    }

    @Test("the lists hold what their sources publish")
    func listSizes() {
        // x12.org, 2026-08-17: 407 CARC (110 deactivated), 1,216 RARC (79 deactivated).
        #expect(ExternalCodeList.adjustmentReasons.count == 407 && ExternalCodeList.adjustmentReasons.deactivatedCount == 110)
        #expect(ExternalCodeList.remarkCodes.count == 1216 && ExternalCodeList.remarkCodes.deactivatedCount == 79)
        #expect(ExternalCodeList.claimStatusCategories.count == 48)
        #expect(ExternalCodeList.adjustmentReasons.status(of: "45") == .current)
        #expect(ExternalCodeList.adjustmentReasons.status(of: "A2") == .deactivated)
        #expect(ExternalCodeList.remarkCodes.status(of: "N54") == .current)
        #expect(ExternalCodeList.remarkCodes.status(of: "N14") == .deactivated)
        #expect(ExternalCodeList.remarkCodes.status(of: "N813") == .unknown)
        #expect(ExternalCodeList.claimStatusCategories.status(of: "X0") == .deactivated)
        #expect(ExternalCodeList.isClaimStatusCodeForm("562") && !ExternalCodeList.isClaimStatusCodeForm("56A"))
    }

    @Test("NM102 outside the loop's entity types (835 patient: 1)")
    func entityType() throws {
        let found = try warnings("835-managed-care.x12", "NM1*QC*1*BUDD", "NM1*QC*3*BUDD")
        #expect(warning(at: 15, element: 2, in: found)
            == "835-managed-care.x12: segment 15 (NM1), element 2: NM102 (entity type) of loop 2100 patient (NM1*QC) \"3\" is not one the guide allows (1)")
    }

    @Test("NM108 outside the loop's qualifiers, in each transaction", arguments: [
        // 835 loop 2100 patient: 34, HN, II, MI, MR.
        ("835-managed-care.x12", "*MI*33344555510~", "*ZZ*33344555510~", 15, "loop 2100 patient (NM1*QC)"),
        // 835 loop 2100 rendering provider: BD, BS, FI, MC, PC, SL, UP, XX.
        ("835-denial-notification.x12", "NM1*82*2*PAYEE*****MC*", "NM1*82*2*PAYEE*****24*", 17, "loop 2100 service provider (NM1*82)"),
        // 277CA loop 2100B receiver: 46.
        ("277ca-rejected.x12", "*46*RCMBILLING~", "*XX*RCMBILLING~", 11, "loop 2100B information receiver (NM1*41)"),
        // 277CA loop 2100C billing provider: FI, SV, XX.
        ("277ca-rejected.x12", "*****XX*1679576722~", "*****34*1679576722~", 19, "loop 2100C billing provider (NM1*85)"),
        // 837P loop 2010BB payer: PI, XV.
        ("837p-behavioral-health.x12", "NM1*PR*2*ACME HEALTH*****PI*", "NM1*PR*2*ACME HEALTH*****FI*", 20, "loop 2010BB payer (NM1*PR)"),
        // 837P loop 1000A submitter: 46.
        ("837p-behavioral-health.x12", "NM1*41*2*RCM BILLING CO*****46*", "NM1*41*2*RCM BILLING CO*****SY*", 5, "loop 1000A submitter (NM1*41)"),
    ])
    func idQualifier(name: String, old: String, new: String, segment: Int, loop: String) throws {
        let found = try warnings(name, old, new)
        let mine = found.filter { $0.location.element == 8 && $0.message.contains("NM108") }
        #expect(!mine.isEmpty, "\(found)")
        for one in mine {
            if segment > 0 { #expect(one.location.segmentNumber == segment) }
            #expect(one.location.segmentID == "NM1")
            #expect(one.message.hasPrefix("NM108 (id qualifier) of \(loop) "), "\(one)")
        }
    }

    @Test("an NM101 the 835 claim loop does not know is named; a name shifted into NM108 is not echoed")
    func entityAndNoPHI() throws {
        let unknown = try warnings("835-managed-care.x12", "NM1*QC*1*BUDD*WILLIAM****MI*", "NM1*ZZ*1*BUDD*WILLIAM****MI*")
        #expect(warning(at: 15, element: 1, in: unknown)?.contains("NM101 \"ZZ\" is not an entity of the 835 claim (loop 2100) (QC, IL, 74, 82, TT, PR, GB)") == true)
        // The first name written four elements late lands in NM108; the qualifier MI is lost.
        let shifted = try warnings("835-managed-care.x12", "NM1*QC*1*BUDD*WILLIAM****MI*33344555510~", "NM1*QC*1*BUDD*****WILLIAM*33344555510~")
        let text = warning(at: 15, element: 8, in: shifted) ?? ""
        #expect(text.contains("a value of 7 characters (not shown)"))
        #expect(!text.contains("WILLIAM") && !text.contains("BUDD") && !text.contains("33344555510"))
    }

    @Test("CAS01: CR is named as the 4010 corrections group, any other value is not a group; both are read")
    func adjustmentGroup() throws {
        let cr = try warnings("835-managed-care.x12", "CAS*CO*A2*50.00~", "CAS*CR*A2*50.00~")
        #expect(warning(at: 14, element: 1, in: cr)
            == "835-managed-care.x12: segment 14 (CAS), element 1: CAS01 \"CR\" (corrections and reversals) is a 4010 group; 5010 allows CO, OA, PI, PR here")
        let other = try warnings("835-managed-care.x12", "CAS*CO*A2*50.00~", "CAS*XY*A2*50.00~")
        #expect(warning(at: 14, element: 1, in: other)
            == "835-managed-care.x12: segment 14 (CAS), element 1: CAS01 \"XY\" is not an adjustment group (CO, OA, PI, PR)")
        let (remits, _) = try read(try Fixture.text("835-managed-care.x12").replacingOccurrences(of: "CAS*CO*A2*", with: "CAS*CR*A2*")).remittances()
        #expect(remits.first?.claims.first?.adjustments.first?.group == "CR")
    }

    @Test("CARC: an unknown reason is a warning, a deactivated one is named so")
    func adjustmentReason() throws {
        // CAS*CO*A2 (segment 14): A2 "contractual adjustment" is deactivated in code source 139.
        let sample = try Fixture.file("835-managed-care.x12").remittances().warnings
        #expect(warning(at: 14, element: 2, in: sample)
            == "835-managed-care.x12: segment 14 (CAS), element 2: claim adjustment reason code \"A2\" is deactivated (X12 code source 139, list of 2026-08-17); payers should no longer send it")
        // Second triple (element 5) of a line CAS: 999 is no CARC.
        let unknown = try warnings("835-reversal-plb.x12", "CAS*CO*45*35~", "CAS*CO*45*35*1*999*1~")
        #expect(warning(at: 51, element: 5, in: unknown)
            == "835-reversal-plb.x12: segment 51 (CAS), element 5: \"999\" is not a claim adjustment reason code (X12 code source 139, list of 2026-08-17)")
    }

    @Test("RARC in LQ*HE and MOA; LQ01 other than HE or RX")
    func remarkCodes() throws {
        let lq = try warnings("835-reversal-plb.x12", "LQ*HE*N54~", "LQ*HE*N9999~")
        #expect(warning(at: 35, element: 2, in: lq)
            == "835-reversal-plb.x12: segment 35 (LQ), element 2: \"N9999\" is not a remittance advice remark code (X12 code source 411, list of 2026-08-17)")
        let moa = try warnings("835-institutional-with-plb.x12", "MOA***MA02~", "MOA***MA02*Q17~")
        #expect(warning(at: 27, element: 4, in: moa)?.hasSuffix("\"Q17\" is not a remittance advice remark code (X12 code source 411, list of 2026-08-17)") == true)
        let qualifier = try warnings("835-reversal-plb.x12", "LQ*HE*N54~", "LQ*ZZ*N54~")
        #expect(warning(at: 35, element: 1, in: qualifier)?.hasSuffix("LQ01 (code list qualifier) \"ZZ\" is not one the guide allows (HE, RX)") == true)
    }

    @Test("N103 of the payee outside FI, XV, XX")
    func payeeQualifier() throws {
        let found = try warnings("835-managed-care.x12", "N1*PE*ACME MEDICAL CENTER*XX*", "N1*PE*ACME MEDICAL CENTER*ZZ*")
        #expect(warning(at: 10, element: 3, in: found)?.hasSuffix("N103 (payee id qualifier) \"ZZ\" is not one the guide allows (FI, XV, XX)") == true)
    }

    @Test("STC categories: unknown, not an acknowledgment, and a status code of the wrong form")
    func statusCategories() throws {
        // Claim BH-2026-0001's STC is segment 28 in 277ca-rejected.x12.
        let unknown = try warnings("277ca-rejected.x12", "STC*A2:20*", "STC*Q9:20*")
        #expect(warning(at: 28, element: 1, component: 1, in: unknown)
            == "277ca-rejected.x12: segment 28 (STC), element 1, component 1: \"Q9\" is not a claim status category code (X12 code source 507, list of 2014-07-01)")
        let finalized = try warnings("277ca-rejected.x12", "STC*A2:20*", "STC*F1:20*")
        #expect(warning(at: 28, element: 1, component: 1, in: finalized)?.hasSuffix("category F1 is not an acknowledgment category; a 277CA uses A0–A8 (E1–E4 in real time only)") == true)
        let form = try warnings("277ca-rejected.x12", "STC*A2:20*", "STC*A2:2X*")
        #expect(warning(at: 28, element: 1, component: 2, in: form)?.hasSuffix("\"2X\" is not a claim status code (code source 508: one to four digits)") == true)
        // STC10 of claim BH-2026-0004 (segment 34).
        let additional = try warnings("277ca-rejected.x12", "******A7:21:82~", "******X0:21:82~")
        #expect(warning(at: 34, element: 10, component: 1, in: additional)?.contains("claim status category code \"X0\" is deactivated") == true)
    }

    @Test("the project's own fixtures raise no code warning but the ones their sources carry")
    func ownFixturesClean() throws {
        for name in ["835-reversal-plb.x12", "835-secondary-oa23.x12", "835-two-payees.x12", "835-two-interchanges.x12",
                     "277ca-rejected.x12", "837p-behavioral-health.x12"] {
            let warnings = try Fixture.file(name).contents().warnings
            #expect(warnings.isEmpty, "\(name): \(warnings)")
        }
    }
}
