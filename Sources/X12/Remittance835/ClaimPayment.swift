/// Loop 2100: one CLP, the payer's adjudication of one claim.
public struct ClaimPayment: Sendable, Hashable, Codable {
    /// CLP01: the patient control number we sent as CLM01 (our claim number).
    public var patientControlNumber: String
    /// CLP02: `1` primary, `2` secondary, `3` tertiary, `4` denied, `19`–`21` processed and forwarded,
    /// `22` reversal of a previous payment, `23` not our claim, `25` predetermination.
    public var status: String
    /// CLP03: total billed.
    public var charge: X12Amount
    /// CLP04: paid.
    public var paid: X12Amount
    /// CLP05: patient responsibility.
    public var patientResponsibility: X12Amount?
    /// CLP06: claim filing indicator.
    public var filingIndicator: String?
    /// CLP07: payer claim control number (ICN).
    public var payerClaimNumber: String?
    /// CLP08: facility type or place of service.
    public var facilityCode: String?
    /// CLP09: claim frequency.
    public var frequency: String?
    /// Claim-level CAS, one entry per reason/amount/quantity triple.
    public var adjustments: [Adjustment]
    /// NM1*QC.
    public var patient: Party?
    /// NM1*IL.
    public var insured: Party?
    /// NM1*82.
    public var renderingProvider: Party?
    /// Other NM1 of the claim: `TT` crossover carrier, `PR` corrected priority payer, `74` corrected insured…
    public var otherParties: [Party]
    /// Remark codes from MOA (03–07) and MIA (05, 20–24).
    public var remarkCodes: [String]
    /// DTM: statement period 232/233, received 050, coverage expiry 036…
    public var dates: [QualifiedDate]
    /// Claim-level REF (EA, 1L, F8…).
    public var references: [Reference]
    /// Claim-level AMT (AU, I, F5…).
    public var amounts: [QualifiedAmount]
    /// Loop 2110: service lines.
    public var lines: [ServicePayment]
    /// The segment number of the CLP (0 for values built in memory).
    public var segmentNumber: Int

    /// A claim payment.
    public init(patientControlNumber: String, status: String, charge: X12Amount, paid: X12Amount,
                patientResponsibility: X12Amount? = nil, filingIndicator: String? = nil,
                payerClaimNumber: String? = nil, facilityCode: String? = nil, frequency: String? = nil,
                adjustments: [Adjustment] = [], patient: Party? = nil, insured: Party? = nil,
                renderingProvider: Party? = nil, otherParties: [Party] = [], remarkCodes: [String] = [], dates: [QualifiedDate] = [],
                references: [Reference] = [], amounts: [QualifiedAmount] = [], lines: [ServicePayment] = [],
                segmentNumber: Int = 0) {
        self.patientControlNumber = patientControlNumber
        self.status = status
        self.charge = charge
        self.paid = paid
        self.patientResponsibility = patientResponsibility
        self.filingIndicator = filingIndicator
        self.payerClaimNumber = payerClaimNumber
        self.facilityCode = facilityCode
        self.frequency = frequency
        self.adjustments = adjustments
        self.patient = patient
        self.insured = insured
        self.renderingProvider = renderingProvider
        self.otherParties = otherParties
        self.remarkCodes = remarkCodes
        self.dates = dates
        self.references = references
        self.amounts = amounts
        self.lines = lines
        self.segmentNumber = segmentNumber
    }

    /// CLP02 = 22: this claim reverses an earlier payment.
    public var isReversal: Bool { status == "22" }
    /// CLP02 = 4: denied.
    public var isDenied: Bool { status == "4" }

    /// NM1*TT: the carrier the claim was forwarded to (crossover), with CLP02 19, 20 or 21.
    public var crossoverCarrier: Party? { otherParties.first { $0.entity == "TT" } }

    /// Claim-level and line-level adjustments together.
    public var allAdjustments: [Adjustment] { adjustments + lines.flatMap(\.adjustments) }
}

/// One CAS reason/amount/quantity triple with its group.
public struct Adjustment: Sendable, Hashable, Codable {
    /// CAS01: `CO`, `OA`, `PI` or `PR` (5010 allows no other).
    public var group: String
    /// The claim adjustment reason code (CARC).
    public var reason: String
    /// The amount: positive reduces the payment, negative increases it.
    public var amount: X12Amount
    /// The quantity, when given.
    public var quantity: X12Quantity?

    /// An adjustment.
    public init(group: String, reason: String, amount: X12Amount, quantity: X12Quantity? = nil) {
        self.group = group
        self.reason = reason
        self.amount = amount
        self.quantity = quantity
    }

    /// The group codes 5010 allows.
    public static let groups: Set<String> = ["CO", "OA", "PI", "PR"]
}

/// A person or organisation named by an NM1 in a transaction: entity code, name and id.
///
/// Names and ids of patients and subscribers are PHI: they are wrapped so they never print.
public struct Party: Sendable, Hashable, Codable {
    /// NM101: `QC` patient, `IL` insured, `82` rendering…
    public var entity: String
    /// NM102: `1` person, `2` organisation.
    public var entityType: String
    /// NM103–NM107.
    public var name: PHI<PersonName>
    /// NM108.
    public var idQualifier: String?
    /// NM109.
    public var id: PHI<String>?

    /// A party.
    public init(entity: String, entityType: String = "1", name: PersonName, idQualifier: String? = nil, id: String? = nil) {
        self.entity = entity
        self.entityType = entityType
        self.name = PHI(name)
        self.idQualifier = idQualifier
        self.id = id.map(PHI.init)
    }
}
