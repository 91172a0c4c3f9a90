/// A fixed-point decimal quantity (units of service) in thousandths, as X12 sends `"1.00"` or `"0.5"`.
public struct Quantity: Sendable, Hashable, Comparable {
    /// The quantity in thousandths of a unit.
    public let thousandths: Int64

    /// A quantity of `thousandths` thousandths.
    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// A whole number of units.
    public init(units: Int) { thousandths = Int64(units) * 1000 }

    /// No units.
    public static let zero = Quantity(thousandths: 0)

    /// Parses `"1"`, `"1.00"`, `"0.5"`, `"-2.125"`; at most three decimal places, no exponent.
    public init?(parsing text: String) {
        guard let thousandths = DecimalText.scaled(text, fractionDigits: 3) else { return nil }
        self.thousandths = thousandths
    }

    /// The sum; traps on overflow.
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        let (v, o) = lhs.thousandths.addingReportingOverflow(rhs.thousandths)
        precondition(!o, "Quantity overflow")
        return Quantity(thousandths: v)
    }

    /// The difference; traps on overflow.
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        let (v, o) = lhs.thousandths.subtractingReportingOverflow(rhs.thousandths)
        precondition(!o, "Quantity overflow")
        return Quantity(thousandths: v)
    }

    /// True when below zero.
    public var isNegative: Bool { thousandths < 0 }

    /// Orders by amount.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }
}

extension Quantity: CustomStringConvertible {
    /// Shortest decimal text: `"1"`, `"0.5"`, `"2.125"`.
    public var description: String {
        let magnitude = thousandths.magnitude
        let sign = thousandths < 0 ? "-" : ""
        var fraction = String(magnitude % 1000)
        if magnitude % 1000 == 0 { return "\(sign)\(magnitude / 1000)" }
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 1000).\(fraction)"
    }
}

extension Quantity: Codable {
    /// Decodes from a JSON string such as `"1"` or `"0.5"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Quantity(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a quantity: \(text)")
        }
        self = value
    }

    /// Encodes as a JSON string such as `"1"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
