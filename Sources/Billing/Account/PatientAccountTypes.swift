/// Where an account charge comes from.
public enum ChargeSource: Sendable, Hashable, Codable {
    /// Patient responsibility moved from a claim.
    case claim(ClaimID)
    /// A self-pay session.
    case session(SessionID)

    private enum CodingKeys: String, CodingKey { case claimID, sessionID }

    /// Decodes `{"claimID":…}` or `{"sessionID":…}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let claim = try c.decodeIfPresent(ClaimID.self, forKey: .claimID) {
            self = .claim(claim)
        } else {
            self = .session(try c.decode(SessionID.self, forKey: .sessionID))
        }
    }

    /// Encodes `{"claimID":…}` or `{"sessionID":…}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .claim(let id): try c.encode(id, forKey: .claimID)
        case .session(let id): try c.encode(id, forKey: .sessionID)
        }
    }
}

/// How a patient paid.
public enum PaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Card.
    case card
    /// Cash.
    case cash
    /// Check.
    case check
    /// Bank transfer.
    case ach
    /// Health savings account card.
    case hsa
}

/// One expected service in a Good Faith Estimate.
public struct EstimateItem: Sendable, Hashable, Codable {
    /// Code.
    public var code: String
    /// Expected number of sessions.
    public var quantity: Int
    /// Expected charge per session.
    public var unitCharge: Money

    /// An item.
    public init(code: String, quantity: Int, unitCharge: Money) {
        self.code = code
        self.quantity = quantity
        self.unitCharge = unitCharge
    }

    /// Quantity × unit charge.
    public var total: Money { unitCharge.times(Int64(quantity)) }
}

/// A superbill line: date, code, modifiers, diagnoses and charge.
public struct SuperbillLine: Sendable, Hashable, Codable {
    /// Date of service.
    public var dateOfService: LocalDate
    /// Code.
    public var code: String
    /// Modifiers.
    public var modifiers: [String]
    /// Diagnoses.
    public var diagnoses: [ICD10Code]
    /// Charge.
    public var charge: Money

    /// A line.
    public init(dateOfService: LocalDate, code: String, modifiers: [String] = [], diagnoses: [ICD10Code], charge: Money)
    {
        self.dateOfService = dateOfService
        self.code = code
        self.modifiers = modifiers
        self.diagnoses = diagnoses
        self.charge = charge
    }
}

/// A receipt with codes, diagnoses, provider NPI and amounts paid, for the client's own reimbursement.
public struct Superbill: Sendable, Hashable, Codable {
    /// Rendering provider's NPI.
    public var providerNPI: String
    /// Services.
    public var lines: [SuperbillLine]
    /// Amount the client paid for them.
    public var amountPaid: Money

    /// A superbill.
    public init(providerNPI: String, lines: [SuperbillLine], amountPaid: Money) {
        self.providerNPI = providerNPI
        self.lines = lines
        self.amountPaid = amountPaid
    }

    /// Total charges on the superbill.
    public var totalCharges: Money { lines.map(\.charge).sum() }
}
