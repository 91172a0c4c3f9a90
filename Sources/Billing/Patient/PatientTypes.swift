/// Which payer pays first.
public enum PayerOrder: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Pays first.
    case primary
    /// Pays after the primary.
    case secondary
    /// Pays after the secondary.
    case tertiary

    /// The order after this one; nil after tertiary.
    public var next: PayerOrder? {
        switch self {
        case .primary: .secondary
        case .secondary: .tertiary
        case .tertiary: nil
        }
    }

    /// The order before this one; nil before primary.
    public var previous: PayerOrder? {
        switch self {
        case .primary: nil
        case .secondary: .primary
        case .tertiary: .secondary
        }
    }

    /// Primary before secondary before tertiary.
    public static func < (lhs: PayerOrder, rhs: PayerOrder) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The patient's relation to the subscriber of a policy.
public enum SubscriberRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// The patient is the subscriber (SBR02 = 18).
    case `self`
    /// Spouse of the subscriber.
    case spouse
    /// Child of the subscriber.
    case child
    /// Any other relation.
    case other
}

/// A coverage of the patient: non-identifying facts only (no member or subscriber id).
public struct Coverage: Sendable, Hashable, Codable {
    /// The coverage id minted by the caller.
    public var id: CoverageID
    /// The payer.
    public var payerID: PayerID
    /// Order of payment.
    public var order: PayerOrder
    /// Relation to the subscriber.
    public var relation: SubscriberRelation
    /// Copay per session.
    public var copay: Money
    /// Coinsurance percent (0–100).
    public var coinsurancePercent: Int
    /// Annual deductible.
    public var deductible: Money
    /// When the coverage is active.
    public var effective: EffectivePeriod

    /// A coverage.
    public init(
        id: CoverageID, payerID: PayerID, order: PayerOrder, relation: SubscriberRelation = .self,
        copay: Money = .zero, coinsurancePercent: Int = 0, deductible: Money = .zero, effective: EffectivePeriod
    ) {
        self.id = id
        self.payerID = payerID
        self.order = order
        self.relation = relation
        self.copay = copay
        self.coinsurancePercent = coinsurancePercent
        self.deductible = deductible
        self.effective = effective
    }
}

/// A prior authorization: number, payer, codes in scope, units and date window.
public struct Authorization: Sendable, Hashable, Codable {
    /// The authorization number (sent as REF*G1; not a direct identifier).
    public var number: String
    /// The payer that issued it.
    public var payerID: PayerID
    /// Codes in scope (empty: any code).
    public var codes: Set<String>
    /// Units (or visits) authorized.
    public var units: Quantity
    /// Dates of service covered.
    public var window: EffectivePeriod
    /// Units consumed by submitted claims.
    public var consumed: Quantity

    /// An authorization with nothing consumed yet.
    public init(number: String, payerID: PayerID, codes: Set<String>, units: Quantity, window: EffectivePeriod) {
        self.number = number
        self.payerID = payerID
        self.codes = codes
        self.units = units
        self.window = window
        consumed = .zero
    }

    /// Units still available.
    public var remaining: Quantity { units - consumed }

    /// True when the code is in scope.
    public func covers(_ code: String) -> Bool { codes.isEmpty || codes.contains(code) }
}

/// A patient's direct identifiers, stored by the application apart from the event log, never in an event.
///
/// Its `description` and `debugDescription` are redacted so it cannot leak into logs.
public struct PatientIdentity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Given name.
    public var firstName: String
    /// Family name.
    public var lastName: String
    /// Date of birth.
    public var dateOfBirth: LocalDate
    /// Street address lines, city, state and ZIP as one text.
    public var address: String
    /// Phone number.
    public var phone: String
    /// Member id on the card.
    public var memberID: String
    /// Subscriber id when the patient is a dependent.
    public var subscriberID: String?

    /// An identity record.
    public init(
        firstName: String, lastName: String, dateOfBirth: LocalDate, address: String, phone: String,
        memberID: String, subscriberID: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.address = address
        self.phone = phone
        self.memberID = memberID
        self.subscriberID = subscriberID
    }

    /// Always `"PatientIdentity(redacted)"`.
    public var description: String { "PatientIdentity(redacted)" }

    /// Always `"PatientIdentity(redacted)"`.
    public var debugDescription: String { description }
}
