import Billing
import BillingX12
import Testing
import X12

@Suite("271 → eligibility facts, and the simulated payer's answers to a 270")
struct EligibilityFactsTests {
    static let identity = PatientIdentity(
        firstName: "Ana", lastName: "Rivera", dateOfBirth: LocalDate("1985-04-12")!, address: "1 Elm St", phone: "5550100", memberID: "W100200300")

    /// A 270 of one inquiry per scenario, answered with that scenario, read back as facts by trace.
    static func answered(_ scenario: EligibilityScenario?, seed: UInt64 = 3, patients: Int = 1) throws -> [String: (EligibilityFacts, MemberEligibility)] {
        let builder = EligibilityInquiryBuilder(senderID: "NWB", receiverID: "CLEARHOUSE", practiceName: "Acme Counseling", practiceNPI: "1234567893", taxID: "12-3456789")
        let subjects = (1...patients).map {
            EligibilityInquiryBuilder.Subject(patientKey: PatientKey("pk-\($0)"), coverageID: "cov-1", identity: identity, serviceDate: LocalDate("2026-12-01")!)
        }
        let built = try builder.build(payerName: "Aetna", x12PayerID: "60054", subjects: subjects, control: 42, date: LocalDate("2026-11-30")!, time: X12Time(hour: 9, minute: 0)!)
        #expect(built.inquiries.map(\.trace) == (1...patients).map { "42-\($0)" })
        let sets = try X12File(bytes: built.bytes).eligibilityInquiries().sets
        #expect(sets.flatMap(\.inquiries).first?.traceOriginator == "1123456789", "TRN03 is 1 and the practice's EIN")
        let answer = try PayerSimulator.answerEligibility(sets, seed: seed, date: X12Date(x12: "20261130")!, controlNumber: 900, forced: scenario)
        let responses = try X12File(bytes: answer.bytes).eligibilityResponses().responses
        return Dictionary(uniqueKeysWithValues: responses.flatMap(\.members).map { ($0.inquiryTrace!, (EligibilityFacts($0), $0)) })
    }

    static func benefit(_ facts: EligibilityFacts, _ type: BehavioralServiceType, inNetwork: Bool? = true) -> BehavioralBenefit? {
        facts.benefits.first { $0.serviceType == type && $0.inNetwork == inNetwork }
    }

    @Test("active: dates, plan, copay as money, coinsurance in basis points, deductible met, visit limit, no authorization")
    func active() throws {
        let (facts, member) = try #require(try Self.answered(.active)["42-1"])
        #expect(member.member.memberID?.value == "W100200300", "the 271 echoes the member id the 270 sent")
        #expect(facts.status == .active && facts.coverageBegin == LocalDate("2026-01-01") && facts.coverageEnd == LocalDate("2026-12-31"))
        #expect(facts.planName?.hasSuffix("PPO") == true)
        let psychotherapy = try #require(Self.benefit(facts, .psychotherapy))
        #expect([Money(cents: 20_00), Money(cents: 25_00), Money(cents: 30_00), Money(cents: 40_00)].contains(psychotherapy.copay!))
        #expect(psychotherapy.visitLimit == 30 && psychotherapy.authorizationRequired == false)
        #expect(Self.benefit(facts, .psychiatricOutpatient)?.coinsuranceBasisPoints == 2000)
        #expect(Self.benefit(facts, .planCoverage)?.deductibleRemaining == .zero)
        #expect(Self.benefit(facts, .planCoverage)?.outOfPocketRemaining == Money(cents: 3000_00))
        #expect(facts.carveOut == nil)
    }

    @Test("each variant says what it should")
    func variants() throws {
        let inactive = try #require(try Self.answered(.inactive)["42-1"]).0
        #expect(inactive.status == .inactive && inactive.coverageEnd == nil)
        let ended = try #require(try Self.answered(.endedLastMonth)["42-1"]).0
        #expect(ended.status == .inactive && ended.coverageEnd == LocalDate("2026-11-30"))
        let deductible = try #require(try Self.answered(.deductibleNotMet)["42-1"]).0
        let plan = try #require(Self.benefit(deductible, .planCoverage))
        #expect(plan.deductibleRemaining == plan.deductible && plan.deductible! > .zero)
        let authorization = try #require(try Self.answered(.authorizationRequired)["42-1"]).0
        #expect(Self.benefit(authorization, .mentalHealth)?.authorizationRequired == true)
        let outside = try #require(try Self.answered(.outOfNetwork)["42-1"]).0
        #expect(Self.benefit(outside, .psychotherapy, inNetwork: false)?.copay != nil && Self.benefit(outside, .psychotherapy) == nil)
        let carved = try #require(try Self.answered(.carveOut)["42-1"]).0
        #expect(carved.status == .active)
        #expect(carved.carveOut == CarveOut(name: "KEYSTONE BEHAVIORAL HEALTH MANAGEMENT", x12PayerID: "DEMO06", serviceTypes: [.mentalHealth, .psychiatric, .psychotherapy, .psychiatricOutpatient, .substanceAbuse]))
    }

    @Test("without a forced scenario the answers are drawn per trace: the same seed gives the same answers, and a batch sees several")
    func deterministic() throws {
        let first = try Self.answered(nil, seed: 11, patients: 60)
        let second = try Self.answered(nil, seed: 11, patients: 60)
        #expect(first.mapValues(\.0) == second.mapValues(\.0))
        let statuses = Set(first.values.map(\.0.status))
        #expect(statuses.contains(.active) && statuses.contains(.inactive))
        #expect(first.values.contains { $0.0.carveOut != nil })
    }
}
