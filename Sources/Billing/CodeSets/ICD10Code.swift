/// An ICD-10-CM diagnosis code checked for form: a letter, a digit, a digit or letter,
/// then optionally a decimal point and up to four more letters or digits (3–7 characters).
///
/// Stored with the decimal (`"F32.9"`); `x12` gives the form sent in HI (`"F329"`).
public struct ICD10Code: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The code with its decimal point, upper case.
    public let rawValue: String

    /// The code, or nil when it does not have the ICD-10-CM form. Accepts `"F32.9"`, `"f329"`, `"F32"`.
    public init?(_ text: String) {
        let compact = text.uppercased().filter { $0 != "." }
        let chars = Array(compact)
        guard text.filter({ $0 == "." }).count <= 1, (3...7).contains(chars.count),
            chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            chars[0].isLetter, chars[1].isNumber
        else { return nil }
        if text.contains(".") {
            guard text.firstIndex(of: ".") == text.index(text.startIndex, offsetBy: 3), chars.count > 3 else {
                return nil
            }
        }
        rawValue = chars.count > 3 ? String(chars[0..<3]) + "." + String(chars[3...]) : compact
    }

    /// The code without its decimal point, as sent in X12 HI segments.
    public var x12: String { rawValue.filter { $0 != "." } }

    /// The three-character category (`"F32"`).
    public var category: String { String(rawValue.prefix(3)) }

    /// True for Z codes (factors influencing health status), often denied as a primary by carve-outs.
    public var isZCode: Bool { rawValue.hasPrefix("Z") }

    /// True for F10–F19 (substance-related disorders), which 42 CFR Part 2 protects.
    public var isSubstanceUse: Bool {
        guard rawValue.hasPrefix("F1"), let n = Int(category.dropFirst()) else { return false }
        return (10...19).contains(n)
    }

    /// Decodes from a JSON string and validates its form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ICD10Code(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an ICD-10-CM code: \(text)")
        }
        self = value
    }

    /// Encodes as a JSON string with the decimal point.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code with its decimal point.
    public var description: String { rawValue }

    /// Orders by text.
    public static func < (lhs: ICD10Code, rhs: ICD10Code) -> Bool { lhs.rawValue < rhs.rawValue }
}
