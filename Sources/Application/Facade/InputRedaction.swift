import Foundation

/// Takes what a person typed out of a sentence meant for them: an error names the argument and the rule,
/// never the value, since a value may be PHI (a name, a date of birth, a member id, free text).
///
/// Each input value is replaced wherever it appears (ignoring case, between non-alphanumeric neighbours) by
/// the argument's name in angle quotes (`‹--last›`); so is each word of a value of several words that reads
/// like a name or an id (four characters or more, capitalised or holding a digit; matched with its case), so
/// that "Ulric" alone is not echoed either, while the ordinary words of a sentence stay.
/// Front ends apply it to every error they show: the command line to the core's refusals and to its own
/// usage errors, the server to its problem responses.
public struct InputRedaction: Sendable {
    /// One value a person gave, under the name of the argument that took it.
    public struct Input: Sendable, Equatable {
        /// The argument's name as the person knows it (`--last`, `<key>`).
        public var name: String
        /// The value.
        public var value: String

        /// An input.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The inputs, longest first so a whole value is replaced before its words.
    let replacements: [(text: String, name: String, caseSensitive: Bool)]

    /// Values shorter than this are left alone (they would match ordinary words of a message).
    static let shortest = 3

    /// A redaction of `inputs`.
    public init(_ inputs: [Input]) {
        var replacements: [(text: String, name: String, caseSensitive: Bool)] = []
        for input in inputs {
            let value = input.value.trimmingCharacters(in: .whitespaces)
            if value.count >= Self.shortest { replacements.append((value, input.name, false)) }
            let words = value.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            let named = words.filter { $0.count >= 4 && $0 != value && ($0.first?.isUppercase == true || $0.contains(where: \.isNumber)) }
            replacements += named.map { ($0, input.name, true) }
        }
        self.replacements = replacements.sorted { $0.text.count > $1.text.count }
    }

    /// `text` with every input value replaced by its argument's name.
    public func apply(_ text: String) -> String {
        var out = text
        for (value, name, caseSensitive) in replacements {
            var searchStart = out.startIndex
            while let range = out.range(of: value, options: caseSensitive ? [] : [.caseInsensitive], range: searchStart..<out.endIndex) {
                let before = range.lowerBound > out.startIndex ? out[out.index(before: range.lowerBound)] : " "
                let after = range.upperBound < out.endIndex ? out[range.upperBound] : " "
                if before.isLetter || before.isNumber || after.isLetter || after.isNumber {
                    searchStart = range.upperBound
                    continue
                }
                let replacement = "‹\(name)›"
                out.replaceSubrange(range, with: replacement)
                searchStart = out.index(range.lowerBound, offsetBy: replacement.count)
            }
        }
        return out
    }
}
