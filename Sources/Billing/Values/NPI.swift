/// A National Provider Identifier: 10 digits, first digit 1 or 2, Luhn check digit over the 80840 prefix.
public struct NPI: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ten digits.
    public let rawValue: String

    /// The NPI, or nil when the form or the check digit is wrong.
    public init?(_ rawValue: String) {
        guard NPI.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// True when `text` has the NPI form and a correct check digit.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard text.count == 10, digits.count == 10, digits[0] == 1 || digits[0] == 2 else { return false }
        return checkDigit(forFirstNine: Array(digits.prefix(9))) == digits[9]
    }

    /// The check digit for nine digits: Luhn over `80840` + the digits (the "+24" shortcut).
    public static func checkDigit(forFirstNine digits: [Int]) -> Int {
        var sum = 24
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }

    /// Decodes from a JSON string and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = NPI(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an NPI: \(text)")
        }
        self = value
    }

    /// Encodes as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The ten digits.
    public var description: String { rawValue }
}
