/// A postal address as N3/N4 carry it.
public struct Address: Sendable, Hashable, Codable {
    /// N301.
    public var line1: String
    /// N302.
    public var line2: String?
    /// N401.
    public var city: String
    /// N402.
    public var state: String?
    /// N403: 5 or 9 digits.
    public var postalCode: String?

    /// An address.
    public init(line1: String, line2: String? = nil, city: String, state: String? = nil, postalCode: String? = nil) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
    }
}

/// A qualified reference (`REF*6R*LINE1`): qualifier and value.
public struct Reference: Sendable, Hashable, Codable {
    /// REF01, e.g. `6R`, `1K`, `2U`.
    public var qualifier: String
    /// REF02.
    public var value: String

    /// A reference.
    public init(_ qualifier: String, _ value: String) {
        self.qualifier = qualifier
        self.value = value
    }
}

/// A qualified date (`DTM*472*20240105`, `DTP*472*D8*20240105`): qualifier and period.
public struct QualifiedDate: Sendable, Hashable, Codable {
    /// The date qualifier, e.g. `472` service, `232`/`233` statement period, `405` production.
    public var qualifier: String
    /// The date or range.
    public var period: DatePeriod

    /// A qualified date.
    public init(_ qualifier: String, _ period: DatePeriod) {
        self.qualifier = qualifier
        self.period = period
    }
}

/// A qualified amount (`AMT*B6*120`): qualifier and amount.
public struct QualifiedAmount: Sendable, Hashable, Codable {
    /// AMT01, e.g. `B6` allowed, `AU` covered, `I` interest, `D` prior payer paid.
    public var qualifier: String
    /// AMT02.
    public var amount: X12Amount

    /// A qualified amount.
    public init(_ qualifier: String, _ amount: X12Amount) {
        self.qualifier = qualifier
        self.amount = amount
    }
}
