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
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0]
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }), let w = Int64(whole) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...3).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int64(f) else {
                return nil
            }
            fraction = v * [1, 100, 10, 1][f.count]
        }
        let (scaled, o1) = w.multipliedReportingOverflow(by: 1000)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { return nil }
        thousandths = negative ? -total : total
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
