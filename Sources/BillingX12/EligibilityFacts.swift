import Billing
import X12

/// What one 271 member loop (2000C or 2000D) says, in the domain's terms: status, dates, plan, the
/// behavioral-health benefits by service type, and a carve-out payer when one is named. Pure.
public struct EligibilityFacts: Sendable, Hashable {
    /// Active, inactive, rejected or unknown.
    public var status: EligibilityStatus
    /// Plan or eligibility begin.
    public var coverageBegin: LocalDate?
    /// Plan or eligibility end.
    public var coverageEnd: LocalDate?
    /// The plan's name.
    public var planName: String?
    /// The benefits, one per service type, network and setting, in EB03 order then network.
    public var benefits: [BehavioralBenefit]
    /// The behavioral-health carve-out, when a benefit names another payer.
    public var carveOut: CarveOut?
    /// AAA03 reasons of the member and of its benefits.
    public var rejectReasons: [String]

    /// Reads a member's answer.
    public init(_ member: MemberEligibility) {
        status = Self.status(member.coverage)
        let begin = member.date("346") ?? member.date("356") ?? member.date("307") ?? member.date("291")
        let end = member.date("347") ?? member.date("357")
        coverageBegin = begin.map { LocalDate($0.start) }
        coverageEnd = end.map { LocalDate($0.end) } ?? (member.date("307") ?? member.date("291")).flatMap { $0.end == $0.start ? nil : LocalDate($0.end) }
        if status == .inactive, coverageEnd == nil, let inactive = member.benefits.first(where: { $0.kind == .inactiveCoverage }),
            let ended = inactive.dates.first(where: { ["347", "357", "349"].contains($0.qualifier) })
        {
            coverageEnd = LocalDate(ended.period.end)
        }
        planName = member.planName
        rejectReasons = member.rejections.map(\.reason) + member.benefits.flatMap { $0.rejections.map(\.reason) }
        benefits = Self.benefits(member.benefits)
        carveOut = Self.carveOut(member.benefits)
    }

    static func status(_ coverage: CoverageStatus) -> EligibilityStatus {
        switch coverage {
        case .active: .active
        case .inactive: .inactive
        case .rejected: .rejected
        case .unknown: .unknown
        }
    }

    private struct Slot: Hashable {
        var type: BehavioralServiceType
        var inNetwork: Bool?
        var setting: String?
    }

    /// Each EB on a behavioral-health service type (or `30`) folded into one benefit per type, network and setting.
    static func benefits(_ benefits: [Benefit]) -> [BehavioralBenefit] {
        var slots: [Slot: BehavioralBenefit] = [:]
        var order: [Slot] = []
        for benefit in benefits {
            let network: Bool? = benefit.inNetwork == "Y" ? true : benefit.inNetwork == "N" ? false : nil
            let setting = Self.setting(benefit)
            for code in benefit.serviceTypes {
                guard let type = BehavioralServiceType(rawValue: code) else { continue }
                let slot = Slot(type: type, inNetwork: network, setting: setting)
                if slots[slot] == nil {
                    slots[slot] = BehavioralBenefit(serviceType: type, inNetwork: network, setting: setting)
                    order.append(slot)
                }
                apply(benefit, to: &slots[slot]!)
            }
        }
        return order.sorted { ($0.type, rank($0.inNetwork), $0.setting ?? "") < ($1.type, rank($1.inNetwork), $1.setting ?? "") }.map { slots[$0]! }
    }

    private static func rank(_ network: Bool?) -> Int { network == true ? 0 : network == false ? 1 : 2 }

    /// `telehealth` when EB13 carries modifier 95 or GT, or a MSG speaks of telehealth; `professional` when a MSG
    /// speaks of the office; nil otherwise.
    static func setting(_ benefit: Benefit) -> String? {
        if let modifiers = benefit.procedure?.modifiers, modifiers.contains(where: { $0 == "95" || $0 == "GT" }) { return "telehealth" }
        let text = benefit.messages.joined(separator: " ").uppercased()
        if text.contains("TELEHEALTH") || text.contains("TELEMEDICINE") || text.contains("VIRTUAL") { return "telehealth" }
        if text.contains("OFFICE") { return "professional" }
        return nil
    }

    static func apply(_ benefit: Benefit, to slot: inout BehavioralBenefit) {
        if let required = benefit.authorizationRequired, required == "Y" || required == "N" { slot.authorizationRequired = required == "Y" }
        let amount = benefit.amount.map(Money.init)
        switch benefit.kind {
        case .copayment: if let amount { slot.copay = amount }
        case .coinsurance: if let points = benefit.percent?.basisPoints { slot.coinsuranceBasisPoints = points }
        case .deductible:
            if benefit.isRemaining { slot.deductibleRemaining = amount ?? slot.deductibleRemaining } else { slot.deductible = amount ?? slot.deductible }
        case .outOfPocket:
            if benefit.isRemaining, let amount { slot.outOfPocketRemaining = amount }
        case .limitation:
            let visits = benefit.visits ?? benefit.deliveries.first { $0.quantityQualifier == "VS" }?.quantity
            if let visits, visits.thousandths % 1000 == 0 {
                let count = Int(visits.thousandths / 1000)
                if benefit.isRemaining { slot.visitsRemaining = count } else { slot.visitLimit = count }
            }
        case .nonCovered: slot.notCovered = true
        case .activeCoverage, .inactiveCoverage, .other: break
        }
    }

    /// The first payer (or vendor) a benefit on a behavioral-health service type names in loop 2120.
    static func carveOut(_ benefits: [Benefit]) -> CarveOut? {
        for benefit in benefits {
            let types = benefit.serviceTypes.compactMap(BehavioralServiceType.init(rawValue:)).filter { BehavioralServiceType.behavioral.contains($0) }
            guard !types.isEmpty else { continue }
            if let entity = benefit.relatedEntities.first(where: { ["PR", "VN", "Y2", "PRP"].contains($0.entity) }) {
                return CarveOut(name: entity.name.last, x12PayerID: entity.id, serviceTypes: types)
            }
        }
        return nil
    }
}
