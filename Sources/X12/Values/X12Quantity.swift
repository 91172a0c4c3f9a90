/// A fixed-point quantity (service units, counts) in thousandths, like the billing domain's `Quantity`,
/// read from X12 decimal text.
///
/// `"1"` → 1, `"1.5"` → 1.5, `"99.99"`; more than three significant decimals, exponents and signs other than a
/// leading minus are refused. Stored as an integer number of thousandths.
public struct X12Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The quantity in thousandths (`1.5` is `1500`).
    public var thousandths: Int64

    /// Thousandths per unit.
    public static let scale: Int64 = 1_000

    /// A quantity of `thousandths` thousandths.
    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// A whole number of units.
    public init(_ units: Int) { self.thousandths = Int64(units) * Self.scale }

    /// Reads X12 decimal text; `nil` when the text is not a quantity.
    public init?(x12 text: String) {
        guard let value = X12Decimal.parse(Array(text.utf8)[...], scale: 3) else { return nil }
        thousandths = value
    }

    /// Reads X12 decimal bytes; `nil` when they are not a quantity.
    init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        guard let value = X12Decimal.parse(bytes, scale: 3) else { return nil }
        thousandths = value
    }

    /// The X12 text without trailing zeros (`"1"`, `"1.5"`).
    public var x12: String { X12Decimal.format(thousandths, scale: 3) }

    /// Same as `x12`.
    public var description: String { x12 }

    /// Orders by value.
    public static func < (lhs: X12Quantity, rhs: X12Quantity) -> Bool { lhs.thousandths < rhs.thousandths }

    /// Encodes as decimal text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(x12)
    }

    /// Decodes from decimal text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = X12Quantity(x12: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a quantity")
        }
        self = value
    }
}
