/// One 277CA transaction set (005010X214): the payer's or clearinghouse's front-end answer, claim by claim.
///
/// The hierarchy is kept: information source (HL 20) → receivers (HL 21, the submitter) → billing providers
/// (HL 19) → claims (HL PT). `claims` flattens it.
public struct ClaimAcknowledgment: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BHT03: this report's reference.
    public var reference: String
    /// BHT04.
    public var date: X12Date?
    /// BHT05.
    public var time: String?
    /// HL 20: the payer or clearinghouse.
    public var source: Entity
    /// HL 21s.
    public var receivers: [Receiver]
    /// The segment number of the ST (0 for values built in memory).
    public var segmentNumber: Int

    /// A 277CA.
    public init(controlNumber: String, reference: String, date: X12Date? = nil, time: String? = nil, source: Entity,
                receivers: [Receiver], segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.reference = reference
        self.date = date
        self.time = time
        self.source = source
        self.receivers = receivers
        self.segmentNumber = segmentNumber
    }

    /// Every claim acknowledged, across receivers and providers.
    public var claims: [ClaimStatus] { receivers.flatMap { $0.providers.flatMap(\.claims) } }

    /// The common part of every HL level: who, trace, statuses, dates, counts.
    public struct Entity: Sendable, Hashable, Codable {
        /// NM1 entity code, type, name, id qualifier and id (not PHI at these levels).
        public var entity: String
        /// NM102.
        public var entityType: String
        /// NM103 (and NM104 for a person).
        public var name: PersonName
        /// NM108.
        public var idQualifier: String?
        /// NM109.
        public var id: String?
        /// TRN02: at HL 20 and 19 TRN*1, at HL 21 TRN*2 = the 837 BHT03 batch reference.
        public var trace: String?
        /// STC at this level.
        public var statuses: [StatusInfo]
        /// DTP at this level (050 received, 009 processed).
        public var dates: [QualifiedDate]
        /// QTY*90 (receiver) or QTY*QA (billing provider): accepted claims.
        public var acceptedCount: Int?
        /// QTY*AA (receiver) or QTY*QC (billing provider): rejected claims.
        public var rejectedCount: Int?
        /// AMT*YU: accepted amount.
        public var acceptedAmount: X12Amount?
        /// AMT*YY: rejected amount.
        public var rejectedAmount: X12Amount?

        /// An entity.
        public init(entity: String, entityType: String = "2", name: PersonName, idQualifier: String? = nil, id: String? = nil,
                    trace: String? = nil, statuses: [StatusInfo] = [], dates: [QualifiedDate] = [],
                    acceptedCount: Int? = nil, rejectedCount: Int? = nil, acceptedAmount: X12Amount? = nil,
                    rejectedAmount: X12Amount? = nil) {
            self.entity = entity
            self.entityType = entityType
            self.name = name
            self.idQualifier = idQualifier
            self.id = id
            self.trace = trace
            self.statuses = statuses
            self.dates = dates
            self.acceptedCount = acceptedCount
            self.rejectedCount = rejectedCount
            self.acceptedAmount = acceptedAmount
            self.rejectedAmount = rejectedAmount
        }
    }

    /// HL 21: an information receiver (the submitter) and its providers.
    public struct Receiver: Sendable, Hashable, Codable {
        /// Who, trace, statuses and counts.
        public var entity: Entity
        /// HL 19s.
        public var providers: [Provider]

        /// A receiver.
        public init(entity: Entity, providers: [Provider] = []) {
            self.entity = entity
            self.providers = providers
        }
    }

    /// HL 19: a billing provider and its claims.
    public struct Provider: Sendable, Hashable, Codable {
        /// Who (NM1*85 with the NPI), trace, statuses and counts.
        public var entity: Entity
        /// HL PT.
        public var claims: [ClaimStatus]

        /// A provider.
        public init(entity: Entity, claims: [ClaimStatus] = []) {
            self.entity = entity
            self.claims = claims
        }
    }
}

/// STC: one status, `category:status:entity` with its date, action and amount.
public struct StatusInfo: Sendable, Hashable, Codable {
    /// STC01-1: `A1` received, `A2` accepted, `A3`/`A6`/`A7`/`A8` rejected, `P…` pending, `F…` finalized, `E…`.
    public var category: String
    /// STC01-2: the claim status code.
    public var code: String
    /// STC01-3: the entity the status is about (`85`, `IL`, `QC`, `PR`…).
    public var entity: String?
    /// STC02: the effective date.
    public var date: X12Date?
    /// STC03: action, `WQ` accept or `U` reject.
    public var action: String?
    /// STC04: the amount.
    public var amount: X12Amount?
    /// STC10 and STC11: further `category:status:entity` composites.
    public var additional: [[String]]

    /// A status.
    public init(category: String, code: String, entity: String? = nil, date: X12Date? = nil, action: String? = nil,
                amount: X12Amount? = nil, additional: [[String]] = []) {
        self.category = category
        self.code = code
        self.entity = entity
        self.date = date
        self.action = action
        self.amount = amount
        self.additional = additional
    }

    /// A rejection category: A3, A4, A6, A7 or A8 (the claim was never filed).
    public var isRejection: Bool { ["A3", "A4", "A6", "A7", "A8"].contains(category) }
    /// An acceptance category: A1 received or A2 accepted into adjudication.
    public var isAcceptance: Bool { category == "A1" || category == "A2" }
}

/// HL PT: one claim's acknowledgment.
public struct ClaimStatus: Sendable, Hashable, Codable {
    /// NM1*QC (or IL): the patient, PHI.
    public var patient: Party
    /// TRN*2: CLM01, our claim number.
    public var claimNumber: String
    /// STC segments, in order.
    public var statuses: [StatusInfo]
    /// REF*1K: the payer's claim number.
    public var payerClaimNumber: String?
    /// REF*D9: the clearinghouse trace number.
    public var clearinghouseTrace: String?
    /// REF*BLT: institutional bill type.
    public var billType: String?
    /// DTP*472: the service period.
    public var serviceDate: DatePeriod?
    /// Per-line SVC/STC/REF*FJ/DTP*472, when sent.
    public var lines: [LineStatus]
    /// The segment number of the HL (0 for values built in memory).
    public var segmentNumber: Int

    /// A claim status.
    public init(patient: Party, claimNumber: String, statuses: [StatusInfo], payerClaimNumber: String? = nil,
                clearinghouseTrace: String? = nil, billType: String? = nil, serviceDate: DatePeriod? = nil,
                lines: [LineStatus] = [], segmentNumber: Int = 0) {
        self.patient = patient
        self.claimNumber = claimNumber
        self.statuses = statuses
        self.payerClaimNumber = payerClaimNumber
        self.clearinghouseTrace = clearinghouseTrace
        self.billType = billType
        self.serviceDate = serviceDate
        self.lines = lines
        self.segmentNumber = segmentNumber
    }

    /// Rejected when any status is a rejection category.
    public var isRejected: Bool { statuses.contains(where: \.isRejection) }

    /// What the acknowledgment says of the claim, from its claim-level categories (STC01-1): rejected when any is a
    /// rejection (A3, A4, A6, A7, A8), accepted when one is A0 forwarded, A1 received, A2 accepted into adjudication
    /// or A5 split upon acceptance, otherwise undetermined (pending, finalized or response-error categories, which a
    /// 277CA should not carry). The counts QTY*90/QA and QTY*AA/QC are checked against this.
    public var outcome: Outcome {
        if isRejected { return .rejected }
        return statuses.contains { ["A0", "A1", "A2", "A5"].contains($0.category) } ? .accepted : .undetermined
    }

    /// STC04 of the first claim-level status that has one: the claim's total charge.
    public var statedCharge: X12Amount? { statuses.lazy.compactMap(\.amount).first }

    /// A claim's acknowledgment outcome.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Received or accepted into adjudication.
        case accepted
        /// Never filed: returned, not found or rejected.
        case rejected
        /// Neither.
        case undetermined
    }

    /// One service line's status.
    public struct LineStatus: Sendable, Hashable, Codable {
        /// SVC01.
        public var procedure: ProcedureCode
        /// SVC02.
        public var charge: X12Amount
        /// SVC04: revenue code.
        public var revenueCode: String?
        /// SVC07: units.
        public var units: X12Quantity?
        /// STC segments for the line.
        public var statuses: [StatusInfo]
        /// REF*FJ: our line item control number.
        public var lineControlNumber: String?
        /// DTP*472.
        public var serviceDate: DatePeriod?

        /// A line status.
        public init(procedure: ProcedureCode, charge: X12Amount, revenueCode: String? = nil, units: X12Quantity? = nil,
                    statuses: [StatusInfo] = [], lineControlNumber: String? = nil, serviceDate: DatePeriod? = nil) {
            self.procedure = procedure
            self.charge = charge
            self.revenueCode = revenueCode
            self.units = units
            self.statuses = statuses
            self.lineControlNumber = lineControlNumber
            self.serviceDate = serviceDate
        }
    }
}

extension [ClaimStatus] {
    /// Σ STC04 when every claim states it; nil otherwise (a total that cannot be checked).
    var statedCharges: X12Amount? {
        var total = X12Amount.zero
        for claim in self {
            guard let charge = claim.statedCharge else { return nil }
            total += charge
        }
        return total
    }
}
