/// Claim frequency (CLM05-3).
public enum ClaimFrequency: String, Sendable, Hashable, Codable {
    /// 1: original.
    case original = "1"
    /// 7: replacement of a prior claim.
    case replacement = "7"
    /// 8: void of a prior claim.
    case void = "8"
}

/// One line of a claim, with our line control number (REF*6R).
public struct ClaimLine: Sendable, Hashable, Codable {
    /// Line control number.
    public var lineID: LineID
    /// The session it came from.
    public var sessionID: SessionID
    /// Date of service.
    public var dateOfService: LocalDate
    /// CPT/HCPCS code.
    public var code: String
    /// Modifiers.
    public var modifiers: [String]
    /// Units.
    public var units: Quantity
    /// Charge.
    public var charge: Money
    /// 1-based pointers into the claim's diagnoses.
    public var diagnosisPointers: [Int]
    /// Place of service.
    public var placeOfService: String
    /// Telehealth mode, if any.
    public var telehealth: TelehealthMode?
    /// Session minutes.
    public var minutes: Int
    /// Rendering provider.
    public var rendering: ProviderID
    /// Supervising provider.
    public var supervising: ProviderID?
}

/// One CAS adjustment: group, reason (CARC), amount and optional quantity.
public struct CASAdjustment: Sendable, Hashable, Codable {
    /// Group code.
    public var group: GroupCode
    /// Claim adjustment reason code.
    public var reason: String
    /// Amount (positive reduces payment).
    public var amount: Money
    /// Quantity, when given.
    public var quantity: Quantity?

    /// An adjustment.
    public init(_ group: GroupCode, _ reason: String, _ amount: Money, quantity: Quantity? = nil) {
        self.group = group
        self.reason = reason
        self.amount = amount
        self.quantity = quantity
    }

    /// True for OA-23, recorded but never posted.
    public var isPriorPayerImpact: Bool { group == .other && reason == AdjustmentCatalog.priorPayerImpact }

    /// True when this adjustment, on a line that pays nothing, makes it a denial.
    public var signalsDenial: Bool {
        group != .patient && reason != AdjustmentCatalog.contractualReduction && !isPriorPayerImpact && amount > .zero
    }
}

/// What a payer said about one line (SVC loop).
public struct LineAdjudication: Sendable, Hashable, Codable {
    /// Our line control number as returned in REF*6R.
    public var lineID: LineID
    /// The code as adjudicated.
    public var code: String
    /// The line charge.
    public var charge: Money
    /// The amount paid.
    public var paid: Money
    /// The allowed amount (AMT*B6), when sent.
    public var allowed: Money?
    /// Units paid.
    public var unitsPaid: Quantity?
    /// Line adjustments.
    public var adjustments: [CASAdjustment]
    /// Remark codes (LQ*HE).
    public var remarks: [String]

    /// A line adjudication.
    public init(
        lineID: LineID, code: String, charge: Money, paid: Money, allowed: Money? = nil, unitsPaid: Quantity? = nil,
        adjustments: [CASAdjustment] = [], remarks: [String] = []
    ) {
        self.lineID = lineID
        self.code = code
        self.charge = charge
        self.paid = paid
        self.allowed = allowed
        self.unitsPaid = unitsPaid
        self.adjustments = adjustments
        self.remarks = remarks
    }

    /// True when the line pays nothing and carries a CO, OA or PI adjustment other than 45 (or OA-23).
    public var isDenied: Bool { paid == .zero && adjustments.contains(where: \.signalsDenial) }
}

/// Everything a payer said about a claim (CLP loop), kept so a secondary claim can be built from it.
public struct Adjudication: Sendable, Hashable, Codable {
    /// CLP02 status code (1, 2, 3 processed; 4 denied; 19–21 forwarded; 22 reversal).
    public var statusCode: String
    /// Payer's claim control number (CLP07).
    public var payerClaimNumber: String
    /// The payer.
    public var payerID: PayerID
    /// Date adjudicated (or the check date).
    public var adjudicatedOn: LocalDate
    /// The check or EFT trace number (TRN02).
    public var paymentTrace: String?
    /// Claim-level adjustments.
    public var claimAdjustments: [CASAdjustment]
    /// Line results.
    public var lines: [LineAdjudication]
    /// Claim-level remark codes.
    public var remarks: [String]
    /// The payer the claim was forwarded to (835 NM1*TT NM103, the crossover payer's name), when CLP02 says so.
    public var forwardedTo: String?

    /// An adjudication.
    public init(
        statusCode: String, payerClaimNumber: String, payerID: PayerID, adjudicatedOn: LocalDate,
        paymentTrace: String? = nil, claimAdjustments: [CASAdjustment] = [], lines: [LineAdjudication],
        remarks: [String] = [], forwardedTo: String? = nil
    ) {
        self.forwardedTo = forwardedTo
        self.statusCode = statusCode
        self.payerClaimNumber = payerClaimNumber
        self.payerID = payerID
        self.adjudicatedOn = adjudicatedOn
        self.paymentTrace = paymentTrace
        self.claimAdjustments = claimAdjustments
        self.lines = lines
        self.remarks = remarks
    }

    /// True when the whole claim is denied (CLP02 = 4).
    public var isClaimDenied: Bool { statusCode == "4" }

    /// True when the payer processed the claim and forwarded it to the next payer itself (CLP02 19, 20 or 21:
    /// processed as primary, secondary or tertiary, forwarded to additional payer(s)): a crossover.
    public var isForwarded: Bool { ["19", "20", "21"].contains(statusCode) }
}

/// Patient responsibility from one adjudication, split the way statements show it.
public struct PatientResponsibility: Sendable, Hashable, Codable {
    /// PR-1.
    public var deductible: Money = .zero
    /// PR-2.
    public var coinsurance: Money = .zero
    /// PR-3.
    public var copay: Money = .zero
    /// Any other PR reason (e.g. non-covered service the patient agreed to pay).
    public var other: Money = .zero

    /// Nothing owed.
    public init() {}

    /// The total.
    public var total: Money { deductible + coinsurance + copay + other }
}

/// How an adjudication moves money on the claim: computed by `decide`, applied by `evolve`.
public struct Posting: Sendable, Hashable, Codable {
    /// Insurance payment.
    public var paid: Money = .zero
    /// Adjustments posted (CO, PI, OA other than 23, on lines that are not denied).
    public var adjustments: Money = .zero
    /// Patient responsibility.
    public var patientResponsibility = PatientResponsibility()
    /// Denied amounts, recorded on the denial but not posted: the balance stays open while it is worked.
    public var denied: Money = .zero
    /// OA-23 amounts, recorded only.
    public var priorPayerImpact: Money = .zero

    /// Nothing posted.
    public init() {}
}

/// Who owes the balance that moves.
public enum Responsible: Sendable, Hashable, Codable {
    /// Another payer, next in order.
    case payer(PayerID, PayerOrder)
    /// The patient.
    case patient
}

/// Status of a denial work item.
public enum DenialStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Opened by an adjudication, not yet owned.
    case open
    /// Assigned to an owner.
    case assigned
    /// Appealed to the payer.
    case appealed
    /// Resolved: paid on reprocessing, corrected, written off or superseded; a patient-responsibility (PR) denial
    /// also when the patient pays its share or it moves to the next payer.
    case resolved
}

/// A denial work item on a claim.
public struct Denial: Sendable, Hashable, Codable {
    /// The denial id minted by the caller.
    public var denialID: DenialID
    /// Denied lines.
    public var lineIDs: [LineID]
    /// The denying adjustments (CO/OA/PI).
    public var reasons: [CASAdjustment]
    /// Remark codes.
    public var remarks: [String]
    /// The amount denied.
    public var amount: Money
    /// Status.
    public var status: DenialStatus
    /// Owner.
    public var owner: StaffID?
    /// Appeal deadline from the payer's appeal window.
    public var dueDate: LocalDate
    /// Date opened.
    public var openedOn: LocalDate
    /// Date of the (latest) appeal; nil until appealed.
    public var appealedOn: LocalDate? = nil
    /// The appeal's reference; nil until appealed.
    public var appealReference: String? = nil
}

/// Why a balance was written off.
public enum WriteOffReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Contractual amount not caught by the remit.
    case contractual
    /// Balance too small to pursue.
    case smallBalance
    /// Filed too late (never billable to the patient).
    case timelyFiling
    /// Uncollectible.
    case badDebt
    /// Courtesy or hardship.
    case courtesy
    /// A denial not worth appealing.
    case denial
}

/// Which balance a write-off reduces.
public enum BalanceSide: String, Sendable, Hashable, Codable {
    /// The payers' balance.
    case insurance
    /// The patient's balance.
    case patient
}

extension Responsible {
    private enum CodingKeys: String, CodingKey { case kind, payerID, order }

    /// Decodes `{"kind":"patient"}` or `{"kind":"payer","payerID":…,"order":…}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "patient": self = .patient
        case "payer":
            self = .payer(try c.decode(PayerID.self, forKey: .payerID), try c.decode(PayerOrder.self, forKey: .order))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "Unknown party \(other)")
        }
    }

    /// Encodes `{"kind":"patient"}` or `{"kind":"payer","payerID":…,"order":…}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .patient: try c.encode("patient", forKey: .kind)
        case .payer(let payer, let order):
            try c.encode("payer", forKey: .kind)
            try c.encode(payer, forKey: .payerID)
            try c.encode(order, forKey: .order)
        }
    }
}
