import Billing
import X12

extension PayerSimulator {
    /// The payer that runs behavioral-health benefits carved out of the others' plans (loop 2120C of a 271).
    public static let carveOutPayerID = "DEMO06"

    /// Answers the 270s of a file with one 271 interchange: per inquiry `forced`, else the scenario the payer's
    /// `roster` holds for the member, else one drawn from the seed and the inquiry's trace, so the same inquiry always
    /// gets the same answer. The 271 echoes each trace (TRN*2), adds the payer's own (TRN*1) and speaks for the payer
    /// the 270 asked (2100A as sent).
    public static func answerEligibility(
        _ sets: [EligibilityInquirySet], seed: UInt64, date: X12Date, controlNumber: Int, forced: EligibilityScenario? = nil,
        roster: EligibilityRoster = EligibilityRoster(), directory: SimulatedPayerDirectory = .builtIn
    ) throws(X12Error) -> (bytes: [UInt8], scenarios: [String: EligibilityScenario]) {
        var responses: [EligibilityResponse] = []
        var scenarios: [String: EligibilityScenario] = [:]
        let carveOut = directory.payer(for: Self.carveOutPayerID)
        for (index, set) in sets.enumerated() {
            let answering = directory.payer(for: set.source.id, name: set.source.name)
            var receivers: [EligibilityResponse.Receiver] = []
            for receiver in set.receivers {
                var members: [MemberEligibility] = []
                for inquiry in receiver.inquiries {
                    let known = (inquiry.subscriber.memberID ?? inquiry.patient.memberID).flatMap { roster.scenario(payerID: set.source.id, memberID: $0.value) }
                    var scenario = forced ?? known ?? scenario(for: inquiry.trace, seed: seed)
                    // The carve-out payer does not carve its own benefit out.
                    if scenario == .carveOut, answering.claimPayerID == carveOut.claimPayerID { scenario = .active }
                    scenarios[inquiry.trace] = scenario
                    members.append(
                        Self.answer(inquiry, scenario: scenario, asOf: inquiry.serviceDate?.start ?? date, payer: answering, carveOut: carveOut,
                                    draw: SeededRandom.hash(inquiry.trace)))
                }
                receivers.append(EligibilityResponse.Receiver(receiver: receiver.receiver, subscribers: members))
            }
            responses.append(
                EligibilityResponse(
                    controlNumber: String(format: "%04d", index + 1), reference: set.reference, date: date, time: "0800", source: set.source,
                    receivers: receivers))
        }
        let envelope = InterchangeEnvelope(
            senderID: directory.payer(for: sets.first?.source.id ?? "").interchangeID, receiverID: "RCMBILLING", date: date,
            time: X12Time(hour: 8, minute: 0)!, interchangeControlNumber: controlNumber, groupControlNumber: controlNumber)
        return (try EligibilityResponse.x12(responses, envelope: envelope), scenarios)
    }

    /// The scenario of an inquiry: a draw from the seed and its trace.
    static func scenario(for trace: String, seed: UInt64) -> EligibilityScenario {
        var draw = SeededRandom(seed: seed ^ SeededRandom.hash(trace))
        return EligibilityScenario.drawn(draw.below(100))
    }

    /// One member's answer for a scenario.
    static func answer(
        _ inquiry: EligibilityInquiry, scenario: EligibilityScenario, asOf date: X12Date, payer: SimulatedPayer, carveOut: SimulatedPayer, draw: UInt64
    ) -> MemberEligibility {
        let yearStart = X12Date(year: date.year, month: 1, day: 1)!
        let yearEnd = X12Date(year: date.year, month: 12, day: 31)!
        var member = MemberEligibility(
            level: .subscriber,
            traces: [
                TraceNumber(type: "2", number: inquiry.trace, originator: inquiry.traceOriginator),
                TraceNumber(type: "1", number: "\(payer.acknowledgmentPayerID)-\(draw % 1_000_000_000)", originator: payer.originatorID),
            ],
            member: inquiry.subscriber)
        let types = BehavioralServiceType.asked.map(\.rawValue)
        let behavioral = types.filter { $0 != "30" }
        let plan = "\(payer.name.prefix(20)) PPO"
        let copay = X12Amount(cents: [20_00, 25_00, 30_00, 40_00][Int(draw % 4)])
        let deductible = X12Amount(cents: [500_00, 1000_00, 1500_00][Int((draw / 4) % 3)])
        switch scenario {
        case .inactive:
            member.benefits = [Benefit(code: "6", coverageLevel: "IND", serviceTypes: ["30"], messages: ["NO COVERAGE FOUND FOR DATE OF SERVICE"])]
            return member
        case .endedLastMonth:
            let firstOfMonth = X12Date(year: date.year, month: date.month, day: 1)!
            let ended = firstOfMonth.adding(days: -1)
            let began = X12Date(year: ended.year, month: 1, day: 1)!
            member.dates = [QualifiedDate("346", DatePeriod(start: began)), QualifiedDate("347", DatePeriod(start: ended))]
            member.benefits = [Benefit(code: "6", coverageLevel: "IND", serviceTypes: ["30"], messages: ["COVERAGE TERMINATED"])]
            return member
        default: break
        }
        member.dates = [QualifiedDate("346", DatePeriod(start: yearStart)), QualifiedDate("347", DatePeriod(start: yearEnd))]
        if scenario == .carveOut {
            member.benefits = [
                Benefit(code: "1", coverageLevel: "IND", serviceTypes: ["30"], insuranceType: "PR", planDescription: plan),
                Benefit(
                    code: "U", coverageLevel: "IND", serviceTypes: behavioral, messages: ["BEHAVIORAL HEALTH BENEFITS ADMINISTERED BY \(carveOut.name)"],
                    relatedEntities: [RelatedEntity(entity: "PR", name: PersonName(last: carveOut.name), idQualifier: "PI", id: carveOut.claimPayerID)]),
            ]
            return member
        }
        let network = scenario == .outOfNetwork ? "N" : "Y"
        let authorization = scenario == .authorizationRequired ? "Y" : "N"
        let remaining = scenario == .deductibleNotMet ? deductible : X12Amount.zero
        var benefits = [Benefit(code: "1", coverageLevel: "IND", serviceTypes: types, insuranceType: "PR", planDescription: plan)]
        benefits.append(Benefit(code: "B", coverageLevel: "IND", serviceTypes: ["MH", "A6"], timePeriod: "27", amount: copay, authorizationRequired: authorization, inNetwork: network))
        benefits.append(Benefit(code: "A", coverageLevel: "IND", serviceTypes: ["A8"], timePeriod: "27", percent: X12Rate(millionths: 200_000), authorizationRequired: authorization, inNetwork: network))
        benefits.append(Benefit(code: "C", coverageLevel: "IND", serviceTypes: ["30"], timePeriod: "23", amount: deductible, inNetwork: network))
        benefits.append(Benefit(code: "C", coverageLevel: "IND", serviceTypes: ["30"], timePeriod: "29", amount: remaining, inNetwork: network))
        benefits.append(Benefit(code: "G", coverageLevel: "IND", serviceTypes: ["30"], timePeriod: "29", amount: X12Amount(cents: 3000_00), inNetwork: network))
        benefits.append(Benefit(code: "F", coverageLevel: "IND", serviceTypes: ["A6"], timePeriod: "22", quantityQualifier: "VS", quantity: X12Quantity(30), inNetwork: network))
        if scenario == .outOfNetwork { benefits[0].messages = ["PROVIDER IS NOT IN THE PLAN'S NETWORK"] }
        member.benefits = benefits
        return member
    }
}
