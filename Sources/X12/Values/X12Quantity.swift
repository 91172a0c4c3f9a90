/// A fixed-point quantity (service units, counts) with four decimal places, read from X12 decimal text.
///
/// `"1"` → 1, `"1.5"` → 1.5, `"99.99"`; more than four significant decimals, exponents and signs other than a
/// leading minus are refused. Stored as an integer number of ten-thousandths.
public struct X12Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The quantity in ten-thousandths (`1.5` is `15000`).
    public var tenThousandths: Int64

    /// Ten-thousandths per unit.
    public static let scale: Int64 = 10_000

    /// A quantity of `tenThousandths` ten-thousandths.
    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

    /// A whole number of units.
    public init(_ units: Int) { self.tenThousandths = Int64(units) * Self.scale }

    /// Reads X12 decimal text; `nil` when the text is not a quantity.
    public init?(x12 text: String) {
        guard let value = X12Decimal.parse(Array(text.utf8)[...], scale: 4) else { return nil }
        tenThousandths = value
    }

    /// Reads X12 decimal bytes; `nil` when they are not a quantity.
    init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        guard let value = X12Decimal.parse(bytes, scale: 4) else { return nil }
        tenThousandths = value
    }

    /// The X12 text without trailing zeros (`"1"`, `"1.5"`).
    public var x12: String { X12Decimal.format(tenThousandths, scale: 4) }

    /// Same as `x12`.
    public var description: String { x12 }

    /// Orders by value.
    public static func < (lhs: X12Quantity, rhs: X12Quantity) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

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
