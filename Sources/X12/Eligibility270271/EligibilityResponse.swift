/// One 271 transaction set (005010X279A1): the payer's answer, per subscriber and dependent, to the questions of a 270.
public struct EligibilityResponse: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BHT03: the 270's reference echoed (or the payer's own).
    public var reference: String?
    /// BHT04.
    public var date: X12Date?
    /// BHT05.
    public var time: String?
    /// Loop 2100A.
    public var source: InformationSource
    /// AAA of loops 2000A/2100A: the request could not be processed for the whole source (`42` unable to respond now…).
    public var sourceRejections: [RequestRejection]
    /// Loops 2000B and below.
    public var receivers: [Receiver]
    /// The ST segment's number in the file.
    public var segmentNumber: Int

    /// A response.
    public init(controlNumber: String, reference: String? = nil, date: X12Date? = nil, time: String? = nil,
                source: InformationSource, sourceRejections: [RequestRejection] = [], receivers: [Receiver], segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.reference = reference
        self.date = date
        self.time = time
        self.source = source
        self.sourceRejections = sourceRejections
        self.receivers = receivers
        self.segmentNumber = segmentNumber
    }

    /// Loop 2000B: the provider that asked, with its subscribers.
    public struct Receiver: Sendable, Hashable, Codable {
        /// Loop 2100B.
        public var receiver: InformationReceiver
        /// AAA of loop 2100B (`41` authorization, `43` invalid provider, `79` invalid participant…).
        public var rejections: [RequestRejection]
        /// Loops 2000C.
        public var subscribers: [MemberEligibility]

        /// A receiver.
        public init(receiver: InformationReceiver, rejections: [RequestRejection] = [], subscribers: [MemberEligibility] = []) {
            self.receiver = receiver
            self.rejections = rejections
            self.subscribers = subscribers
        }
    }

    /// Every subscriber and dependent answered, in file order (a dependent right after its subscriber).
    public var members: [MemberEligibility] {
        receivers.flatMap { $0.subscribers.flatMap { [$0] + $0.dependents } }
    }
}

/// AAA: why a request, or part of it, was not answered.
public struct RequestRejection: Sendable, Hashable, Codable {
    /// AAA01: `Y` the request was valid, `N` it was not.
    public var valid: Bool
    /// AAA03: the reject reason (`72` invalid member id, `73` invalid name, `75` subscriber not found, `58` invalid
    /// birth date, `42` unable to respond now…).
    public var reason: String
    /// AAA04: the follow-up action (`C` correct and resubmit, `N` do not resubmit, `R` resubmit, `P` please resubmit
    /// original, `S` do not resubmit, we will hold, `W` wait 30 days, `X` wait 10 days, `Y` do not resubmit, we will
    /// respond).
    public var followUp: String?

    /// A rejection.
    public init(valid: Bool, reason: String, followUp: String? = nil) {
        self.valid = valid
        self.reason = reason
        self.followUp = followUp
    }
}

/// TRN: a trace number (`2` referenced: our 270's TRN*1 echoed; `1` current: the payer's own).
public struct TraceNumber: Sendable, Hashable, Codable {
    /// TRN01.
    public var type: String
    /// TRN02.
    public var number: String
    /// TRN03: the assigning entity (`9…`, `1…`).
    public var originator: String?
    /// TRN04: a secondary reference.
    public var secondary: String?

    /// A trace.
    public init(type: String, number: String, originator: String? = nil, secondary: String? = nil) {
        self.type = type
        self.number = number
        self.originator = originator
        self.secondary = secondary
    }
}

/// REF: a qualified reference (`18` plan number, `6P` group number, `1L` group or policy, `IG` insurance policy…).
/// The value is PHI (a member's group or policy can identify them); REF03 is the plan or group name.
public struct QualifiedReference: Sendable, Hashable, Codable {
    /// REF01.
    public var qualifier: String
    /// REF02.
    public var value: PHI<String>
    /// REF03.
    public var description: String?

    /// A reference.
    public init(qualifier: String, value: String, description: String? = nil) {
        self.qualifier = qualifier
        self.value = PHI(value)
        self.description = description
    }
}

/// Loop 2000C (subscriber) or 2000D (dependent) of a 271.
public struct MemberEligibility: Sendable, Hashable, Codable {
    /// Subscriber (HL 22) or dependent (HL 23).
    public var level: Level
    /// TRN segments: the 270's trace echoed (type `2`) and any the payer adds (type `1`).
    public var traces: [TraceNumber]
    /// Loop 2100C/D: NM1, DMG.
    public var member: Member
    /// INS01–INS02 when present (`Y*18` self, `N*19` child…): INS02.
    public var relationship: String?
    /// REF of loop 2100C/D.
    public var references: [QualifiedReference]
    /// AAA of loop 2100C/D: the member could not be identified or answered.
    public var rejections: [RequestRejection]
    /// DTP of loop 2100C/D (`346` plan begin, `347` plan end, `356` eligibility begin, `357` eligibility end, `291`
    /// plan, `307` eligibility, `472` service…).
    public var dates: [QualifiedDate]
    /// Loops 2110C/D, in file order.
    public var benefits: [Benefit]
    /// Loops 2000D under a subscriber.
    public var dependents: [MemberEligibility]
    /// The HL segment's number in the file.
    public var segmentNumber: Int

    /// HL03 22 or 23.
    public enum Level: String, Sendable, Hashable, Codable {
        case subscriber, dependent
    }

    /// A member's answer.
    public init(level: Level, traces: [TraceNumber] = [], member: Member, relationship: String? = nil,
                references: [QualifiedReference] = [], rejections: [RequestRejection] = [], dates: [QualifiedDate] = [],
                benefits: [Benefit] = [], dependents: [MemberEligibility] = [], segmentNumber: Int = 0) {
        self.level = level
        self.traces = traces
        self.member = member
        self.relationship = relationship
        self.references = references
        self.rejections = rejections
        self.dates = dates
        self.benefits = benefits
        self.dependents = dependents
        self.segmentNumber = segmentNumber
    }

    /// TRN02 of the TRN*2: the 270's trace this answers.
    public var inquiryTrace: String? { traces.first { $0.type == "2" }?.number }

    /// Active, inactive, rejected or unknown: active when any EB01 is 1–5, else inactive when any is 6–8, else rejected
    /// when an AAA (of the member or a benefit) says so.
    public var coverage: CoverageStatus {
        if benefits.contains(where: { $0.kind == .activeCoverage }) { return .active }
        if benefits.contains(where: { $0.kind == .inactiveCoverage }) { return .inactive }
        if !rejections.isEmpty || benefits.contains(where: { !$0.rejections.isEmpty }) { return .rejected }
        return .unknown
    }

    /// The plan name: EB05 of the first active coverage benefit that has one, else REF*18 or REF*6P's REF03.
    public var planName: String? {
        if let name = benefits.first(where: { $0.kind == .activeCoverage && $0.planDescription != nil })?.planDescription {
            return name
        }
        return references.first { $0.qualifier == "18" && $0.description != nil }?.description
            ?? references.first { $0.qualifier == "6P" && $0.description != nil }?.description
    }

    /// The dates of `qualifier` at the member level.
    public func date(_ qualifier: String) -> DatePeriod? { dates.first { $0.qualifier == qualifier }?.period }

    /// The benefits whose EB03 names `serviceType`.
    public func benefits(for serviceType: String) -> [Benefit] { benefits.filter { $0.serviceTypes.contains(serviceType) } }
}

/// Whether a member's coverage is in force, from the EB01 codes of a 271.
public enum CoverageStatus: String, Sendable, Hashable, Codable {
    case active, inactive, rejected, unknown
}

/// EB and what follows it up to the next EB (loop 2110C/D): one benefit, limitation or coverage statement.
public struct Benefit: Sendable, Hashable, Codable {
    /// EB01: eligibility or benefit information (`1` active … `6` inactive, `A` coinsurance, `B` copayment,
    /// `C` deductible, `F` limitations, `G` out of pocket, `I` non-covered, `L` primary care provider, `R` other or
    /// additional payer, `U` contact following entity, `CB` coverage basis…).
    public var code: String
    /// EB02: coverage level (`IND` individual, `FAM` family, `EMP`, `ESP`, `CHD`…).
    public var coverageLevel: String?
    /// EB03: the service types (repeated with the repetition separator).
    public var serviceTypes: [String]
    /// EB04: the insurance type (`HM` HMO, `PR` PPO, `MB` Medicare Part B, `MC` Medicaid…).
    public var insuranceType: String?
    /// EB05: plan coverage description (the plan's name on an active coverage EB).
    public var planDescription: String?
    /// EB06: time period (`23` calendar year, `27` visit, `29` remaining, `22` service year, `24` year to date, `7` day…).
    public var timePeriod: String?
    /// EB07: the monetary amount (a copayment, a deductible or what remains of it…).
    public var amount: X12Amount?
    /// EB08: the percent as a fraction (`.2` is 20 %): the coinsurance.
    public var percent: X12Rate?
    /// EB09: quantity qualifier (`VS` visits, `DY` days, `MN` months, `P6` number of services…).
    public var quantityQualifier: String?
    /// EB10.
    public var quantity: X12Quantity?
    /// EB11: authorization or certification required (`Y`, `N`, `U` unknown).
    public var authorizationRequired: String?
    /// EB12: in plan network (`Y` in, `N` out, `U` unknown, `W` not applicable: both).
    public var inNetwork: String?
    /// EB13: a procedure the benefit is for.
    public var procedure: ProcedureCode?
    /// HSD: delivery patterns (`VS*12` twelve visits…).
    public var deliveries: [Delivery]
    /// REF of loop 2115.
    public var references: [QualifiedReference]
    /// DTP of loop 2110 (`292` benefit, `348` benefit begin, `349` benefit end, `346`, `356`, `472`…).
    public var dates: [QualifiedDate]
    /// AAA of loop 2110 (a service type that cannot be answered).
    public var rejections: [RequestRejection]
    /// MSG: free-form messages.
    public var messages: [String]
    /// Loop 2120 (LS…LE): the entities this benefit is about (a carve-out payer, a primary care provider…).
    public var relatedEntities: [RelatedEntity]
    /// The EB segment's number in the file.
    public var segmentNumber: Int

    /// A benefit.
    public init(code: String, coverageLevel: String? = nil, serviceTypes: [String] = [], insuranceType: String? = nil,
                planDescription: String? = nil, timePeriod: String? = nil, amount: X12Amount? = nil, percent: X12Rate? = nil,
                quantityQualifier: String? = nil, quantity: X12Quantity? = nil, authorizationRequired: String? = nil,
                inNetwork: String? = nil, procedure: ProcedureCode? = nil, deliveries: [Delivery] = [],
                references: [QualifiedReference] = [], dates: [QualifiedDate] = [], rejections: [RequestRejection] = [],
                messages: [String] = [], relatedEntities: [RelatedEntity] = [], segmentNumber: Int = 0) {
        self.code = code
        self.coverageLevel = coverageLevel
        self.serviceTypes = serviceTypes
        self.insuranceType = insuranceType
        self.planDescription = planDescription
        self.timePeriod = timePeriod
        self.amount = amount
        self.percent = percent
        self.quantityQualifier = quantityQualifier
        self.quantity = quantity
        self.authorizationRequired = authorizationRequired
        self.inNetwork = inNetwork
        self.procedure = procedure
        self.deliveries = deliveries
        self.references = references
        self.dates = dates
        self.rejections = rejections
        self.messages = messages
        self.relatedEntities = relatedEntities
        self.segmentNumber = segmentNumber
    }

    /// What EB01 says, grouped.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 1–5.
        case activeCoverage
        /// 6, 7, 8.
        case inactiveCoverage
        /// A.
        case coinsurance
        /// B.
        case copayment
        /// C.
        case deductible
        /// F.
        case limitation
        /// G.
        case outOfPocket
        /// I.
        case nonCovered
        /// Anything else (L, R, U, X, CB, MC…).
        case other
    }

    /// EB01 grouped.
    public var kind: Kind {
        switch code {
        case "1", "2", "3", "4", "5": .activeCoverage
        case "6", "7", "8": .inactiveCoverage
        case "A": .coinsurance
        case "B": .copayment
        case "C": .deductible
        case "F": .limitation
        case "G": .outOfPocket
        case "I": .nonCovered
        default: .other
        }
    }

    /// EB06 is `29`: the amount or quantity is what remains (of a deductible, an out-of-pocket maximum, visits).
    public var isRemaining: Bool { timePeriod == "29" }

    /// EB09 is `VS` (visits): EB10 is a number of visits.
    public var visits: X12Quantity? { quantityQualifier == "VS" ? quantity : nil }

    /// EB11 is `Y`.
    public var requiresAuthorization: Bool { authorizationRequired == "Y" }
}

/// HSD: a delivery or visit pattern (`HSD*VS*12***22` twelve visits per service year).
public struct Delivery: Sendable, Hashable, Codable {
    /// HSD01: quantity qualifier (`VS` visits, `DY` days…).
    public var quantityQualifier: String?
    /// HSD02.
    public var quantity: X12Quantity?
    /// HSD03: unit (`DA` days, `MO` months, `WK` weeks…).
    public var unit: String?
    /// HSD04: sample selection modulus.
    public var sampleSize: X12Quantity?
    /// HSD05: time period qualifier.
    public var timePeriod: String?
    /// HSD06: number of periods.
    public var periods: X12Quantity?

    /// A delivery.
    public init(quantityQualifier: String? = nil, quantity: X12Quantity? = nil, unit: String? = nil, sampleSize: X12Quantity? = nil,
                timePeriod: String? = nil, periods: X12Quantity? = nil) {
        self.quantityQualifier = quantityQualifier
        self.quantity = quantity
        self.unit = unit
        self.sampleSize = sampleSize
        self.timePeriod = timePeriod
        self.periods = periods
    }
}

/// NM1 of loop 2120 (between LS*2120 and LE*2120): an entity a benefit names (`PR` payer, `P3` primary care provider,
/// `VN` vendor, `1P` provider…); the carve-out payer of a behavioral-health benefit is one.
public struct RelatedEntity: Sendable, Hashable, Codable {
    /// NM101.
    public var entity: String
    /// NM102.
    public var entityType: String
    /// NM103–NM107: an organisation's or provider's name.
    public var name: PersonName
    /// NM108.
    public var idQualifier: String?
    /// NM109 (a payer id, an NPI).
    public var id: String?

    /// An entity.
    public init(entity: String, entityType: String = "2", name: PersonName, idQualifier: String? = nil, id: String? = nil) {
        self.entity = entity
        self.entityType = entityType
        self.name = name
        self.idQualifier = idQualifier
        self.id = id
    }
}

/// A rate or percent as X12 writes it (`.2`, `0.125`, `20`): exact, an integer count of millionths (no binary fractions).
public struct X12Rate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The value × 1 000 000.
    public var millionths: Int64

    /// A rate.
    public init(millionths: Int64) { self.millionths = millionths }

    /// Parses X12 decimal text; nil when it is not a number or has more than six decimals.
    public init?(x12 text: String) { self.init(bytes: Array(text.utf8)[...]) }

    init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        // At most ten characters before the point keep the scaled value well inside Int64.
        guard bytes.prefix(while: { $0 != UInt8(ascii: ".") }).count <= 10,
            let value = X12Decimal.parse(bytes, scale: 6)
        else { return nil }
        millionths = value
    }

    /// Decimal text without trailing zeros (`0.2`).
    public var x12: String { X12Decimal.format(millionths, scale: 6) }

    /// The same as `x12`.
    public var description: String { x12 }

    /// The rate as a percentage in hundredths of a percent when exact (`.2` → 2000, i.e. 20.00 %).
    public var basisPoints: Int64? { millionths % 100 == 0 ? millionths / 100 : nil }

    public static func < (lhs: X12Rate, rhs: X12Rate) -> Bool { lhs.millionths < rhs.millionths }

    /// Encodes as decimal text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(x12)
    }

    /// Decodes decimal text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = X12Rate(x12: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a rate"))
        }
        self = value
    }
}
