/// A monetary amount in whole cents, read from and written as X12 decimal text (`"125.5"` ↔ 12550).
///
/// X12 amounts are decimal numbers with an optional leading minus sign and at most two significant
/// decimal places (`"12"`, `"12.3"`, `"-12.30"`, `".5"`). Exponents, plus signs, grouping characters
/// and a third significant decimal are refused. Arithmetic is checked: overflow traps rather than wraps,
/// and amounts read from X12 are bounded far below `Int64.max`.
public struct X12Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in cents.
    public var cents: Int64

    /// An amount of `cents` cents.
    public init(cents: Int64) { self.cents = cents }

    /// Zero.
    public static let zero = X12Amount(cents: 0)

    /// Reads X12 decimal text; `nil` when the text is not an amount.
    public init?(x12 text: String) {
        guard let cents = X12Decimal.parse(Array(text.utf8)[...], scale: 2) else { return nil }
        self.cents = cents
    }

    /// Reads X12 decimal bytes; `nil` when they are not an amount.
    init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        guard let cents = X12Decimal.parse(bytes, scale: 2) else { return nil }
        self.cents = cents
    }

    /// The X12 text: no trailing zeros after the decimal point (`12550` → `"125.5"`, `12500` → `"125"`).
    public var x12: String { X12Decimal.format(cents, scale: 2) }

    /// The amount with two decimals, as people read it (`"125.50"`).
    public var description: String { X12Decimal.formatFixed(cents, scale: 2) }

    /// Orders by value.
    public static func < (lhs: X12Amount, rhs: X12Amount) -> Bool { lhs.cents < rhs.cents }
    /// The sum; traps on overflow, which amounts read from X12 cannot reach.
    public static func + (lhs: X12Amount, rhs: X12Amount) -> X12Amount { X12Amount(cents: lhs.cents + rhs.cents) }
    /// The difference; traps on overflow, which amounts read from X12 cannot reach.
    public static func - (lhs: X12Amount, rhs: X12Amount) -> X12Amount { X12Amount(cents: lhs.cents - rhs.cents) }
    /// The negation.
    public static prefix func - (value: X12Amount) -> X12Amount { X12Amount(cents: -value.cents) }
    /// Adds in place.
    public static func += (lhs: inout X12Amount, rhs: X12Amount) { lhs = lhs + rhs }

    /// Encodes as the decimal text with two places (`"125.50"`), never as a floating-point number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from decimal text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = X12Amount(x12: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an amount")
        }
        self = value
    }
}

extension Sequence where Element == X12Amount {
    /// The sum of the amounts.
    public func sum() -> X12Amount { reduce(.zero, +) }
}
