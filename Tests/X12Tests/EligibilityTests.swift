import Foundation
import Testing
@testable import X12

/// Segment numbers say where a value was read; values built in memory have 0. Round trips compare without them.
extension EligibilityResponse {
    var unplaced: EligibilityResponse {
        var copy = self
        copy.segmentNumber = 0
        func clear(_ member: MemberEligibility) -> MemberEligibility {
            var m = member
            m.segmentNumber = 0
            m.benefits = m.benefits.map { var b = $0; b.segmentNumber = 0; return b }
            m.dependents = m.dependents.map(clear)
            return m
        }
        for r in copy.receivers.indices { copy.receivers[r].subscribers = copy.receivers[r].subscribers.map(clear) }
        return copy
    }
}

enum EligibilitySample {
    static let folder = "eligibility/"

    static func file(_ name: String) throws -> X12File { try Fixture.file(folder + name) }

    static let envelope = InterchangeEnvelope(senderID: "RCMBILLING", receiverID: "60054", date: X12Date(x12: "20261130")!,
                                              time: X12Time(hour: 9, minute: 30)!, interchangeControlNumber: 42, groupControlNumber: 42,
                                              usage: "T")

    static func inquiry(_ index: Int, dependent: Bool = false) -> EligibilityInquiry {
        EligibilityInquiry(
            trace: "EQ\(index)", traceOriginator: "9876543210",
            subscriber: Member(name: PersonName(last: "Rivera\(index)", first: "Ana"), memberID: "W\(100_000 + index)",
                               birthDate: X12Date(x12: "19850412"), gender: "F"),
            dependent: dependent ? Member(name: PersonName(last: "Rivera\(index)", first: "Lucas"), birthDate: X12Date(x12: "20120603"),
                                          gender: "M") : nil,
            serviceDate: DatePeriod(start: X12Date(x12: "20261201")!), serviceTypes: ["30", "MH", "A6"])
    }

    static func batch(_ count: Int, perSet: Int = 99) -> EligibilityInquiryBatch {
        EligibilityInquiryBatch(
            envelope: envelope, reference: "ELIG-2026-12", source: InformationSource(name: "Bluegrass Health", id: "60054"),
            receiver: InformationReceiver(name: PersonName(last: "Riverside Counseling"), id: "1234567893"),
            inquiries: (1...count).map { inquiry($0, dependent: $0 % 10 == 0) }, inquiriesPerSet: perSet)
    }
}

@Suite("eligibility 270/271 (005010X279A1)")
struct EligibilityTests {
    /// EB counts by EB01 and by EB03 code (each code once per EB naming it), over every member.
    static func counts(_ response: EligibilityResponse) -> (byCode: [String: Int], byType: [String: Int]) {
        var byCode: [String: Int] = [:]
        var byType: [String: Int] = [:]
        for member in response.members {
            for benefit in member.benefits {
                byCode[benefit.code, default: 0] += 1
                for type in benefit.serviceTypes { byType[type, default: 0] += 1 }
            }
        }
        return (byCode, byType)
    }

    static let lfhTypes = ["1", "33", "35", "47", "86", "88", "98", "AL", "MH", "UC"]

    @Test("LinuxForHealth subscriber.271: trace, active plan, dates, EB counts and copays as figures.py computes them")
    func publicSubscriber() throws {
        let (responses, warnings) = try EligibilitySample.file("271-lfh-subscriber.x12").eligibilityResponses()
        #expect(warnings.isEmpty, "\(warnings)")
        let response = try #require(responses.first)
        #expect(responses.count == 1)
        #expect(response.source == InformationSource(name: "PAYER C", id: "12345"))
        #expect(response.receivers.first?.receiver.id == "1467857193")
        #expect(response.reference == "10001234")
        let members = response.members
        #expect(members.count == 1)
        let subscriber = try #require(members.first)
        #expect(subscriber.level == .subscriber)
        #expect(subscriber.inquiryTrace == "930000000000")
        #expect(subscriber.traces == [TraceNumber(type: "2", number: "930000000000", originator: "9800000004")])
        #expect(subscriber.coverage == .active)
        #expect(subscriber.planName == "GOLD 123 PLAN")
        #expect(subscriber.date("346") == DatePeriod(start: X12Date(x12: "20210101")!))
        #expect(subscriber.member.memberID?.value == "00000000001")
        #expect(subscriber.member.birthDate?.value == X12Date(x12: "19700101"))
        let (byCode, byType) = Self.counts(response)
        #expect(byCode == ["1": 2, "B": 2, "L": 1])
        var expectedTypes = Dictionary(uniqueKeysWithValues: Self.lfhTypes.map { ($0, 3) })
        expectedTypes["30"] = 1
        #expect(byType == expectedTypes)
        let copays = subscriber.benefits(for: "MH").filter { $0.kind == .copayment }
        #expect(copays.map(\.amount) == [amount("10.00"), amount("30.00")])
        #expect(copays.map(\.inNetwork) == ["Y", "N"])
        #expect(copays.allSatisfy { $0.timePeriod == "27" && $0.insuranceType == "HM" && $0.planDescription == "GOLD 123 PLAN" })
        let primaryCare = try #require(subscriber.benefits.first { $0.code == "L" })
        #expect(primaryCare.relatedEntities.map(\.entity) == ["1P"])
        #expect(primaryCare.relatedEntities.first?.id == "1467857193")
    }

    @Test("LinuxForHealth dependent 271: the dependent (HL 23, NM1*03, INS*N*19) carries the trace and the benefits")
    func publicDependent() throws {
        let (responses, warnings) = try EligibilitySample.file("271-lfh-dependent.x12").eligibilityResponses()
        #expect(warnings.isEmpty, "\(warnings)")
        let response = try #require(responses.first)
        #expect(response.receivers.first?.subscribers.count == 1)
        let subscriber = try #require(response.receivers.first?.subscribers.first)
        #expect(subscriber.coverage == .unknown)
        #expect(subscriber.benefits.isEmpty)
        let dependent = try #require(subscriber.dependents.first)
        #expect(subscriber.dependents.count == 1)
        #expect(dependent.level == .dependent)
        #expect(dependent.inquiryTrace == "93175-012547")
        #expect(dependent.relationship == "19")
        #expect(dependent.coverage == .active)
        #expect(dependent.member.memberID == nil)
        #expect(dependent.member.gender == "F")
        #expect(dependent.benefits.first { $0.code == "L" }?.relatedEntities.first?.entity == "P3")
        let (byCode, _) = Self.counts(response)
        #expect(byCode == ["1": 2, "B": 2, "L": 1])
        #expect(dependent.benefits(for: "MH").filter { $0.kind == .copayment }.map(\.amount) == [amount("10.00"), amount("30.00")])
    }

    @Test("LinuxForHealth dependent.271 names its dependent with NM1*IL: read, with a warning at NM101 that echoes no name")
    func dependentNamedAsSubscriber() throws {
        let (responses, warnings) = try EligibilitySample.file("271-lfh-dependent-as-il.x12").eligibilityResponses()
        let dependent = try #require(responses.first?.members.last)
        #expect(dependent.level == .dependent)
        #expect(dependent.coverage == .active)
        #expect(warnings.contains { $0.location.segmentNumber == 17 && $0.location.element == 1 })
        #expect(!warnings.contains { $0.description.contains("DOE") || $0.description.contains("JAMES") || $0.description.contains("00000000002") })
    }

    @Test("LinuxForHealth error 271 (SE02 4323 ≠ ST02 4321) is refused at the SE")
    func publicDefect() throws {
        let error = try #require(try Fixture.error(EligibilitySample.folder + "271-lfh-se-mismatch.x12"))
        #expect(error.kind == .envelope)
        #expect(error.location.segmentID == "SE")
        #expect(error.location.segmentNumber == 10)
    }

    @Test("our behavioral-health 271: active, inactive, rejected and a carve-out, with every figure figures.py computes")
    func behavioralHealth() throws {
        let (responses, warnings) = try EligibilitySample.file("271-behavioral-health.x12").eligibilityResponses()
        #expect(warnings.isEmpty, "\(warnings)")
        let response = try #require(responses.first)
        let (byCode, byType) = Self.counts(response)
        #expect(byCode == ["1": 3, "6": 1, "A": 2, "B": 3, "C": 2, "F": 1, "G": 2, "U": 1])
        #expect(byType == ["30": 7, "MH": 5, "A6": 5, "A8": 3, "AI": 2, "A4": 1])
        let members = response.members
        #expect(members.map(\.coverage) == [.active, .inactive, .rejected, .unknown, .active])
        #expect(members.map(\.inquiryTrace) == ["EQ0001", "EQ0002", "EQ0003", nil, "EQ0004"])

        let ana = members[0]
        #expect(ana.planName == "BLUEGRASS PPO GOLD")
        #expect(ana.date("346")?.start == X12Date(x12: "20260101"))
        #expect(ana.date("347")?.start == X12Date(x12: "20261231"))
        #expect(ana.references.map(\.qualifier) == ["6P", "18"])
        let copays = ana.benefits(for: "A6").filter { $0.kind == .copayment }
        #expect(copays.map(\.amount) == [amount("25"), amount("60.00")])
        #expect(copays.map(\.inNetwork) == ["Y", "N"])
        let coinsurance = ana.benefits(for: "A8").filter { $0.kind == .coinsurance }
        #expect(coinsurance.map(\.percent) == [X12Rate(x12: ".2"), X12Rate(x12: "0.40")])
        #expect(coinsurance.map { $0.percent?.basisPoints } == [2000, 4000])
        #expect(coinsurance.allSatisfy { $0.amount == nil })
        let deductible = ana.benefits.filter { $0.kind == .deductible }
        #expect(deductible.map(\.amount) == [amount("1500"), amount("650.25")])
        #expect(deductible.map(\.isRemaining) == [false, true])
        let outOfPocket = ana.benefits.filter { $0.kind == .outOfPocket && $0.isRemaining }
        #expect(outOfPocket.map(\.amount) == [amount("3120.10")])
        let limit = try #require(ana.benefits(for: "A6").first { $0.kind == .limitation })
        #expect(limit.visits == X12Quantity(20))
        #expect(limit.timePeriod == "22")
        #expect(limit.messages == ["VISIT LIMIT COMBINED FOR IN AND OUT OF NETWORK"])
        let substance = try #require(ana.benefits(for: "AI").last)
        #expect(substance.requiresAuthorization)
        #expect(substance.dates == [QualifiedDate("348", DatePeriod(start: X12Date(x12: "20260101")!))])
        #expect(ana.benefits(for: "MH").filter(\.requiresAuthorization).isEmpty)

        let tom = members[1]
        #expect(tom.date("347")?.start == X12Date(x12: "20261031"))
        #expect(tom.benefits.first?.messages == ["COVERAGE TERMINATED"])

        #expect(members[2].rejections == [RequestRejection(valid: false, reason: "72", followUp: "C")])

        let lucas = members[4]
        #expect(lucas.level == .dependent)
        #expect(lucas.relationship == "19")
        #expect(lucas.date("356")?.start == X12Date(x12: "20260301"))
        #expect(lucas.planName == "BLUEGRASS HMO")
        let carveOut = try #require(lucas.benefits.first { $0.code == "U" })
        #expect(carveOut.serviceTypes == ["MH", "A6"])
        #expect(carveOut.relatedEntities == [RelatedEntity(entity: "PR", name: PersonName(last: "OPTUM BEHAVIORAL HEALTH"), idQualifier: "PI", id: "87726")])
        #expect(lucas.benefits(for: "MH").last?.inNetwork == "W")
    }

    @Test("271s written again read back the same", arguments: [
        "271-lfh-subscriber.x12", "271-lfh-dependent.x12", "271-behavioral-health.x12",
    ])
    func responseRoundTrip(name: String) throws {
        let responses = try EligibilitySample.file(name).eligibilityResponses().responses
        let bytes = try EligibilityResponse.x12(responses, envelope: EligibilitySample.envelope)
        let again = try X12File(bytes: bytes, fileName: "again.271").eligibilityResponses()
        #expect(again.warnings.isEmpty, "\(again.warnings)")
        #expect(again.responses.map(\.unplaced) == responses.map(\.unplaced))
    }

    @Test("a 270 of one subscriber and one dependent is written as 005010X279A1 lays it out")
    func inquiryLayout() throws {
        var batch = EligibilitySample.batch(1)
        batch.inquiries.append(EligibilitySample.inquiry(2, dependent: true))
        let text = String(decoding: try batch.x12(), as: UTF8.self)
        #expect(text == """
            ISA*00*          *00*          *ZZ*RCMBILLING     *ZZ*60054          *261130*0930*^*00501*000000042*0*T*:~
            GS*HS*RCMBILLING*60054*20261130*0930*42*X*005010X279A1~
            ST*270*0001*005010X279A1~
            BHT*0022*13*ELIG-2026-12*20261130*0930~
            HL*1**20*1~
            NM1*PR*2*Bluegrass Health*****PI*60054~
            HL*2*1*21*1~
            NM1*1P*2*Riverside Counseling*****XX*1234567893~
            HL*3*2*22*0~
            TRN*1*EQ1*9876543210~
            NM1*IL*1*Rivera1*Ana****MI*W100001~
            DMG*D8*19850412*F~
            DTP*291*D8*20261201~
            EQ*30~
            EQ*MH~
            EQ*A6~
            HL*4*2*22*1~
            NM1*IL*1*Rivera2*Ana****MI*W100002~
            DMG*D8*19850412*F~
            HL*5*4*23*0~
            TRN*1*EQ2*9876543210~
            NM1*03*1*Rivera2*Lucas~
            DMG*D8*20120603*M~
            DTP*291*D8*20261201~
            EQ*30~
            EQ*MH~
            EQ*A6~
            SE*26*0001~
            GE*1*42~
            IEA*1*000000042~

            """)
    }

    @Test("a 270 of 2,500 inquiries: 26 transaction sets of at most 99 patients in one interchange, read back the same")
    func thousandsOfInquiries() throws {
        let batch = EligibilitySample.batch(2_500)
        let bytes = try batch.x12()
        let file = try X12File(bytes: bytes, fileName: "batch.270")
        #expect(file.interchanges.count == 1)
        #expect(file.transactionSets.count == 26)
        let (sets, warnings) = try file.eligibilityInquiries()
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(sets.map(\.controlNumber).first == "0001")
        #expect(sets.map(\.controlNumber).last == "0026")
        #expect(sets.dropLast().allSatisfy { $0.inquiries.count == 99 })
        #expect(sets.flatMap(\.inquiries) == batch.inquiries)
        #expect(sets.allSatisfy { $0.source == batch.source && $0.receivers.map(\.receiver) == [batch.receiver] })
        let summary = try X12Summary(file: file)
        #expect(summary.eligibilityInquiries.map(\.inquiries).reduce(0, +) == 2_500)
        #expect(summary.eligibilityInquiries.map(\.dependents).reduce(0, +) == 250)
        #expect(summary.eligibilityInquiries.first?.serviceTypes == ["30": 99, "MH": 99, "A6": 99])
        #expect(summary.text.contains("270 0001 ref ELIG-2026-12 to Bluegrass Health (60054): 99 inquiry(ies), 9 about a dependent; service types 30 99, A6 99, MH 99"))
        #expect(!summary.text.contains("Rivera") && !summary.text.contains("W100"))
    }

    @Test("the 270 writer refuses what 005010X279A1 cannot carry, naming the element and never the value")
    func inquiryRefusals() throws {
        var noTypes = EligibilitySample.batch(1)
        noTypes.inquiries[0].serviceTypes = []
        #expect(throws: X12Error.self) { try noTypes.x12() }
        var dependentWithID = EligibilitySample.batch(1)
        dependentWithID.inquiries[0].dependent = Member(name: PersonName(last: "Rivera"), memberID: "SECRET123")
        do {
            _ = try dependentWithID.x12()
            Issue.record("a dependent with a member id was written")
        } catch {
            #expect(!error.description.contains("SECRET123"))
            #expect(error.location.element == 9)
        }
        var shortOriginator = EligibilitySample.batch(1)
        shortOriginator.inquiries[0].traceOriginator = "987"
        do {
            _ = try shortOriginator.x12()
            Issue.record("a 3-character TRN03 was written")
        } catch {
            #expect(error.description.contains("TRN03"))
        }
        var longName = EligibilitySample.batch(1)
        longName.inquiries[0].subscriber.name.value.last = String(repeating: "X", count: 61)
        do {
            _ = try longName.x12()
            Issue.record("a 61-character NM103 was written")
        } catch {
            #expect(error.description.contains("NM103"))
            #expect(!error.description.contains("XXXXXXXXXX"))
        }
    }

    @Test("271 errors name segment and element and never echo names, member ids or birth dates")
    func responseErrorsKeepPHI() throws {
        let text = try Fixture.text(EligibilitySample.folder + "271-behavioral-health.x12")
        let badBirth = text.replacingOccurrences(of: "DMG*D8*19850412*F", with: "DMG*D8*19851345*F")
        let error = try #require(readEligibilityError(badBirth))
        #expect(error.location.segmentID == "DMG")
        #expect(error.location.element == 2)
        #expect(!error.description.contains("19851345"))
        let badPercent = text.replacingOccurrences(of: "EB*A*IND*A8*PR**27**.2****Y", with: "EB*A*IND*A8*PR**27**1.2.3****Y")
        let percentError = try #require(readEligibilityError(badPercent))
        #expect(percentError.location.segmentID == "EB" && percentError.location.element == 8)
        let noParent = text.replacingOccurrences(of: "HL*7*6*23*0", with: "HL*7*2*23*0")
        #expect(readEligibilityError(noParent)?.location.segmentID == "HL")
        let earlierParent = text.replacingOccurrences(of: "HL*7*6*23*0", with: "HL*7*5*23*0")
        let parentError = try #require(readEligibilityError(earlierParent))
        #expect(parentError.location.segmentID == "HL" && parentError.location.element == 2, "\(parentError)")
    }

    @Test("inspect summarises a 271 without PHI: counts, coverage per member, benefits by service type")
    func inspect271() throws {
        let summary = try X12Summary(file: EligibilitySample.file("271-behavioral-health.x12"))
        let response = try #require(summary.eligibilityResponses.first)
        #expect(response.members == 5)
        #expect([response.active, response.inactive, response.rejected, response.unknown] as [Int] == [2, 1, 1, 1])
        #expect(response.benefitsByCode == ["1": 3, "6": 1, "A": 2, "B": 3, "C": 2, "F": 1, "G": 2, "U": 1])
        #expect(response.answers[0].benefits["A8"] == ["1 IND PR", "A IND PR period 27 20% network Y", "A IND PR period 27 40% network N"])
        #expect(response.answers[2].rejections == ["N 72 C"])
        let text = summary.text
        let json = String(decoding: try summary.json(), as: UTF8.self)
        #expect(text.contains("271 0001 ref BATCH-2026-11 from BLUEGRASS HEALTH (60054): 5 member(s): 2 active, 1 inactive, 1 rejected, 1 unknown"))
        for secret in ["RIVERA", "BROOKS", "CHEN", "DIAZ", "LUCAS", "W100200300", "W999", "19850412", "1985-04-12", "GRP5501", "PLN77"] {
            #expect(!text.contains(secret), "text shows \(secret)")
            #expect(!json.contains(secret), "json shows \(secret)")
        }
    }
}

/// The error reading a 271 or 270 throws, or nil.
func readEligibilityError(_ text: String) -> X12Error? {
    do {
        let file = try read(text)
        _ = try file.eligibilityResponses()
        _ = try file.eligibilityInquiries()
        return nil
    } catch {
        return error
    }
}
