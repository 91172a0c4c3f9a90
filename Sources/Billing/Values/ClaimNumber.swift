/// The claim number sent as CLM01 and returned as CLP01: 1–20 characters of `[A-Za-z0-9-]`, unique per tenant.
public struct ClaimNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The validated text.
    public let rawValue: String

    /// The claim number, or nil when empty, longer than 20 or holding other characters.
    public init?(_ rawValue: String) {
        guard (1...20).contains(rawValue.count),
            rawValue.unicodeScalars.allSatisfy({
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            })
        else { return nil }
        self.rawValue = rawValue
    }

    /// Decodes from a JSON string and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ClaimNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a claim number: \(text)")
        }
        self = value
    }

    /// Encodes as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The claim number text.
    public var description: String { rawValue }
}
