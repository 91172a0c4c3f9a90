/// A value that is protected health information (a name, a member id, a birth date).
///
/// It is kept so that it can be written back and matched, but it never prints: `description`,
/// `debugDescription` and string interpolation show `[PHI]`. Codable encodes the value itself, so
/// only encode PHI into stores meant to hold it.
public struct PHI<Value: Sendable & Hashable>: Sendable, Hashable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The protected value.
    public var value: Value

    /// Wraps a protected value.
    public init(_ value: Value) { self.value = value }

    /// Always `[PHI]`.
    public var description: String { "[PHI]" }
    /// Always `[PHI]`.
    public var debugDescription: String { "[PHI]" }
}

extension PHI: Codable where Value: Codable {
    /// Encodes the protected value itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Decodes the protected value.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
    }
}

/// A person's or organisation's name as X12 carries it in NM1 (03 last or organisation, 04 first, 05 middle,
/// 07 suffix).
public struct PersonName: Sendable, Hashable, Codable {
    /// NM103: last name or organisation name.
    public var last: String
    /// NM104.
    public var first: String?
    /// NM105.
    public var middle: String?
    /// NM107.
    public var suffix: String?

    /// A name.
    public init(last: String, first: String? = nil, middle: String? = nil, suffix: String? = nil) {
        self.last = last
        self.first = first
        self.middle = middle
        self.suffix = suffix
    }
}
