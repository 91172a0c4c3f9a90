/// An amount of US dollars as a whole number of cents (`Int64`).
///
/// There is no floating point anywhere money flows. Arithmetic is checked with
/// `addingReportingOverflow` and friends and **traps** on overflow (an overflow of
/// ±92 quadrillion dollars is a programming error, not a business case).
/// Parsed from and printed as decimal text (`"125.50"`), and encoded in JSON as that string.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in cents; negative for credits and reversals.
    public let cents: Int64

    /// An amount of `cents` cents.
    public init(cents: Int64) { self.cents = cents }

    /// Zero dollars.
    public static let zero = Money(cents: 0)

    /// Parses `"125.50"`, `"-12.3"`, `"12"`; rejects `"12.345"`, `"1e3"`, `""`, `"12.3.4"`, `".5"`, `"5."`.
    public init?(parsing text: String) {
        guard let cents = DecimalText.scaled(text, fractionDigits: 2) else { return nil }
        self.cents = cents
    }

    /// The sum; traps on overflow.
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (value, overflow) = lhs.cents.addingReportingOverflow(rhs.cents)
        precondition(!overflow, "Money overflow adding \(lhs) and \(rhs)")
        return Money(cents: value)
    }

    /// The difference; traps on overflow.
    public static func - (lhs: Money, rhs: Money) -> Money {
        let (value, overflow) = lhs.cents.subtractingReportingOverflow(rhs.cents)
        precondition(!overflow, "Money overflow subtracting \(rhs) from \(lhs)")
        return Money(cents: value)
    }

    /// The negation; traps for the one unrepresentable value.
    public static prefix func - (value: Money) -> Money { .zero - value }

    /// Adds in place; traps on overflow.
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }

    /// Subtracts in place; traps on overflow.
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// The amount times a whole number; traps on overflow.
    public func times(_ factor: Int64) -> Money {
        let (value, overflow) = cents.multipliedReportingOverflow(by: factor)
        precondition(!overflow, "Money overflow multiplying \(self) by \(factor)")
        return Money(cents: value)
    }

    /// `percent` % of this amount, rounded half away from zero to the cent.
    public func percentage(_ percent: Int) -> Money {
        let product = times(Int64(percent)).cents
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 100)
        let roundAway: Int64 = abs(remainder) >= 50 ? (product < 0 ? -1 : 1) : 0
        return Money(cents: quotient + roundAway)
    }

    /// True when the amount is below zero.
    public var isNegative: Bool { cents < 0 }

    /// Orders by amount.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
}

extension Money: CustomStringConvertible {
    /// Decimal text with two places: `"125.50"`, `"-0.05"`.
    public var description: String {
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = cents < 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Money: Codable {
    /// Decodes from a JSON string such as `"125.50"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Money(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an amount: \(text)")
        }
        self = value
    }

    /// Encodes as a JSON string such as `"125.50"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Sequence where Element == Money {
    /// The checked sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
