import Foundation
import Testing
@testable import X12

@Suite("claim status 276/277 (005010X212)")
struct ClaimStatusTests {
    /// The corpus files these tests read (the corpus inventory counts them).
    static let corpusFiles = ["277-lfh-claim-status-x212.x12"]

    static let envelope = InterchangeEnvelope(senderID: "NWBILLING", receiverID: "60054", date: X12Date(x12: "20261207")!, time: X12Time(hour: 9, minute: 30)!,
                                              interchangeControlNumber: 77, groupControlNumber: 77, usage: "T")

    static func inquiry(_ index: Int) -> ClaimStatusInquiry {
        ClaimStatusInquiry(
            trace: "77-\(index)", subscriber: Member(name: PersonName(last: "Rivera\(index)", first: "Ana"), memberID: "W\(100 + index)", birthDate: X12Date(x12: "19850412")),
            claimNumber: "RC-\(1000 + index)", payerClaimNumber: index % 2 == 0 ? "ICN\(index)" : nil, charge: X12Amount(cents: Int64(12_000 + index)),
            serviceDates: DatePeriod(start: X12Date(x12: "20261001")!))
    }

    static func batch(_ count: Int, perSet: Int = 99) -> ClaimStatusInquiryBatch {
        ClaimStatusInquiryBatch(
            envelope: envelope, reference: "STATUS-77", payer: InformationSource(name: "Aetna", id: "60054"),
            submitter: InformationSource(entity: "41", name: "Northwind Billing", idQualifier: "46", id: "NWB0001"),
            provider: InformationReceiver(name: PersonName(last: "Acme Counseling"), id: "1234567893"), inquiries: (1...count).map(inquiry), inquiriesPerSet: perSet)
    }

    @Test("a 276 written and read back: every claim, trace, number, charge and date, across transaction sets")
    func roundTrip276() throws {
        let batch = Self.batch(150, perSet: 99)
        let file = try X12File(bytes: try batch.x12())
        #expect(file.transactionSets.map(\.id) == ["276", "276"])
        let (sets, warnings) = try file.claimStatusInquiries()
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(sets.flatMap(\.inquiries) == batch.inquiries)
        #expect(sets[0].payer.id == "60054" && sets[0].provider?.id == "1234567893")
    }

    @Test("a 277 written and read back; the statuses keep category, code, entity, date and amount")
    func roundTrip277() throws {
        let answers = (1...3).map { index in
            ClaimStatusAnswer(
                member: Self.inquiry(index).subscriber, trace: "77-\(index)",
                statuses: [StatusInfo(category: ["P1", "F1", "A4"][index - 1], code: ["20", "65", "35"][index - 1], entity: index == 3 ? "PR" : nil,
                                      date: X12Date(x12: "20261205"), amount: X12Amount(cents: 12_000))],
                payerClaimNumber: "ICN\(index)", claimNumber: "RC-\(1000 + index)", serviceDates: DatePeriod(start: X12Date(x12: "20261001")!))
        }
        let response = ClaimStatusResponse(
            controlNumber: "0001", reference: "STATUS-77", date: X12Date(x12: "20261205"), payer: InformationSource(name: "Aetna", id: "60054"),
            receiver: InformationSource(entity: "41", name: "Northwind Billing", idQualifier: "46", id: "NWB0001"),
            provider: InformationReceiver(name: PersonName(last: "Acme Counseling"), id: "1234567893"), claims: answers)
        let read = try X12File(bytes: try ClaimStatusResponse.x12([response], envelope: Self.envelope)).claimStatusResponses()
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        let claims = try #require(read.responses.first).claims
        #expect(claims.map(\.statuses) == answers.map(\.statuses) && claims.map(\.trace) == answers.map(\.trace))
        #expect(claims.map(\.payerClaimNumber) == answers.map(\.payerClaimNumber) && claims.map(\.claimNumber) == answers.map(\.claimNumber))
    }

    @Test("the public LinuxForHealth 277 (X212) is read: three claims under two providers, the last a dependent's")
    func publicSample() throws {
        let file = try Fixture.file("corpus/277-lfh-claim-status-x212.x12")
        let responses = try file.claimStatusResponses().responses
        let claims = responses.flatMap(\.claims)
        #expect(claims.count == 3, "\(claims.map(\.trace))")
        #expect(claims.first?.trace == "ABCXYZ1" && claims.first?.category == "P3" && claims.first?.statuses.first?.code == "317")
        #expect(claims.first?.payerClaimNumber == "05347006051" && claims.first?.claimNumber == "SM123456")
        #expect(claims[1].category == "F0" && claims[1].statuses.first?.amount == X12Amount(cents: 759_900))
        #expect(responses.first?.payer.id == "12345")
        #expect(claims[2].trace == "ABCXYC3" && claims[2].statuses.count == 1 && claims[2].statuses[0].entity == "QC", "the line's STC is not the claim's")
    }

    @Test("errors name the segment and element: an unknown level, a claim without TRN, a 277 claim without STC")
    func errors() throws {
        let good = String(decoding: try Self.batch(1).x12(), as: UTF8.self)
        func failure(_ text: String) -> X12Error? {
            do {
                _ = try X12File(bytes: Array(text.utf8)).claimStatusInquiries()
                return nil
            } catch { return error }
        }
        let level = try #require(failure(good.replacingOccurrences(of: "HL*4*3*22*0", with: "HL*4*3*99*0")))
        #expect(level.location.segmentID == "HL" && level.location.element == 3, "\(level)")
        let count = try #require(good.split(separator: "~").first { $0.hasPrefix("SE*") || $0.hasPrefix("\nSE*") }?.split(separator: "*")[1])
        let withoutTrace = good.replacingOccurrences(of: "TRN*1*77-1~", with: "").replacingOccurrences(of: "SE*\(count)*", with: "SE*\(Int(count)! - 1)*")
        let trace = try #require(failure(withoutTrace))
        #expect(trace.description.contains("no TRN"), "\(trace)")
    }
}

@Suite("x12 inspect: 276 and 277 (005010X212)")
struct ClaimStatusInspectTests {
    @Test("a 276 is summarised per claim (number, trace, charge, dates) with its total, and no name or member id")
    func inquiry() throws {
        let summary = try X12Summary(bytes: try ClaimStatusTests.batch(3).x12())
        let set = try #require(summary.claimStatusInquiries.first)
        #expect(set.inquiries == 3 && set.payer == "Aetna (60054)" && set.totalCharge == X12Amount(cents: 36_006))
        #expect(set.claims[1] == "RC-1002 trace 77-2 charge 120.02 dates 2026-10-01 payer # ICN2", "\(set.claims)")
        #expect(summary.text.contains("276 \(set.controlNumber) ref STATUS-77 to Aetna (60054): 3 claim(s), total 360.06"), "\(summary.text)")
        #expect(!summary.text.contains("Rivera") && !summary.text.contains("W101") && summary.warnings.isEmpty, "\(summary.text)")
    }

    @Test("the public 277 (X212) is summarised per claim with its statuses by family, not as a 277CA, and no name or member id")
    func response() throws {
        let summary = try X12Summary(file: try Fixture.file("corpus/277-lfh-claim-status-x212.x12"))
        #expect(summary.claimAcknowledgments.isEmpty, "an X212 277 is not a claim acknowledgment")
        let answers = summary.claimStatusResponses.flatMap(\.answers)
        #expect(answers.count == 3, "\(answers)")
        #expect(answers[0].trace == "ABCXYZ1" && answers[0].statuses.first == "P3:317" && answers[0].family == "pending")
        #expect(answers[0].claimNumber == "SM123456" && answers[0].payerClaimNumber == "05347006051")
        #expect(answers[1].family == "finalized" && answers[1].charge == X12Amount(cents: 759_900))
        #expect(summary.claimStatusResponses.flatMap { $0.byFamily.map(\.value) }.reduce(0, +) == 3)
        #expect(summary.text.contains("trace ABCXYZ1 claim SM123456: PENDING P3:317"), "\(summary.text)")
        let file = try Fixture.file("corpus/277-lfh-claim-status-x212.x12")
        let names = try file.claimStatusResponses().responses.flatMap(\.claims).map(\.member.name.value.last).filter { !$0.isEmpty }
        for name in names { #expect(!summary.text.contains(name), "no member name in the summary") }
    }

    @Test("the category family comes from the category's first letter")
    func families() {
        #expect(ClaimStatusResponse.family(of: "F1") == "finalized" && ClaimStatusResponse.family(of: "P1") == "pending")
        #expect(ClaimStatusResponse.family(of: "A4") == "acknowledged" && ClaimStatusResponse.family(of: "D0") == "data search unsuccessful")
        #expect(ClaimStatusResponse.family(of: nil) == "other" && ClaimStatusResponse.family(of: "R3") == "request for information")
    }
}
