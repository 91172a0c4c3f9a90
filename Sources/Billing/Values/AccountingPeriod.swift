/// A calendar month that financial events post to, written `"2026-06"`.
public struct AccountingPeriod: Sendable, Hashable, Comparable {
    /// The year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// The period, or nil for an impossible month.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The period that contains a date.
    public init(containing date: LocalDate) {
        year = date.year
        month = date.month
    }

    /// Parses `"2026-06"`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
    }

    /// The following month.
    public var next: AccountingPeriod {
        month == 12 ? AccountingPeriod(year: year + 1, month: 1)! : AccountingPeriod(year: year, month: month + 1)!
    }

    /// The first day of the period.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }

    /// Orders chronologically.
    public static func < (lhs: AccountingPeriod, rhs: AccountingPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension AccountingPeriod: CustomStringConvertible {
    /// `"YYYY-MM"`.
    public var description: String { String(firstDay.description.prefix(7)) }
}

extension AccountingPeriod: Codable {
    /// Decodes from `"YYYY-MM"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = AccountingPeriod(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a period: \(text)")
        }
        self = value
    }

    /// Encodes as `"YYYY-MM"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
