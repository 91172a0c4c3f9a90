/// A procedure code or an inclusive range of codes, as payer rules name them (`96130`, `90832-90838`).
///
/// A range holds the codes of the same form (same length, same letters and digits in the same places) that
/// sort between its ends: `90832-90838` holds 90832, 90833 … 90838; `H0001-H0005` holds H0001 … H0005.
public struct CodeRange: Sendable, Hashable, CustomStringConvertible {
    /// The first code.
    public let low: String
    /// The last code (the same as `low` for a single code).
    public let high: String

    /// Parses `CODE` or `LOW-HIGH`; nil when the text is neither, or the ends differ in form or are reversed.
    public init?(parsing text: String) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(ends.count), let low = ends.first, let high = ends.last,
            Self.isCode(low), Self.isCode(high), Self.form(low) == Self.form(high), low <= high
        else { return nil }
        self.low = low
        self.high = high
    }

    /// True when `code` is in the range.
    public func contains(_ code: String) -> Bool {
        Self.form(code) == Self.form(low) && low <= code && code <= high
    }

    /// `CODE` or `LOW-HIGH`.
    public var description: String { low == high ? low : "\(low)-\(high)" }

    /// Five characters, letters and digits (CPT and HCPCS codes).
    static func isCode(_ text: String) -> Bool {
        text.count == 5 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    /// The code's shape: `9` for each digit, the letter itself otherwise (H0001 → H9999).
    static func form(_ code: String) -> String { String(code.map { $0.isNumber ? "9" : $0 }) }
}
