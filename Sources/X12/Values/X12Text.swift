import Foundation

/// A value as an X12 element can carry it.
///
/// 005010X222A1 Appendix B.1.1.2 (character sets): the basic set (upper-case letters, digits, space and
/// `! " & ' ( ) * + , - . / : ; ? =`) and the extended set (lower-case letters and `% @ [ ] _ { } \ | < > # $`)
/// are all printable ASCII; no other character may appear in an element, and the four characters our
/// files use as separators (`* : ^ ~`) cannot appear in a value at all (X12 has no escape). Our files use
/// the extended set (docs/x12.md).
///
/// Making a value writable: white space is trimmed at both ends and each run of it inside becomes one space
/// (B.1.1.3.1.4: trailing spaces are suppressed); a letter with an accent is written without it (é as e,
/// Ø as O, ß as ss) and typographic quotes, dashes and ellipses as their ASCII forms — `replacedCharacters`
/// says so, and the claim scrubber tells the clerk. A value holding anything else (a letter of another
/// alphabet, an emoji, a control character, a separator) cannot be written: `init` returns nil.
public struct X12Text: Sendable, Hashable {
    /// The text as written.
    public let text: String
    /// A character was replaced by its plain form (an accent dropped, a typographic mark made ASCII).
    public let replacedCharacters: Bool

    /// The writable form of `value`, or nil when a character has none.
    public init?(_ value: String) {
        var out = String.UnicodeScalarView()
        var replaced = false
        var pendingSpace = false
        for scalar in value.decomposedStringWithCanonicalMapping.unicodeScalars {
            var piece: String
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            } else if (0x21...0x7E).contains(scalar.value) {
                piece = String(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                replaced = true
                continue
            } else if let plain = Self.plain[scalar] {
                piece = plain
                replaced = true
            } else {
                return nil
            }
            if piece.unicodeScalars.contains(where: { Self.separators.contains($0) }) { return nil }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: piece.unicodeScalars)
        }
        text = String(out)
        replacedCharacters = replaced
    }

    /// The separators of our files (`Separators.standard`), which no value may hold.
    static let separators: Set<Unicode.Scalar> = ["*", ":", "^", "~"]

    /// Letters that do not decompose into a letter and an accent, and typographic marks, with their plain forms.
    static let plain: [Unicode.Scalar: String] = [
        "ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe", "Ł": "L", "ł": "l",
        "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'", "\u{02BC}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
        "\u{2212}": "-", "\u{2026}": "...",
    ]

    /// Whether `value` is already writable as it is: printable ASCII, no separator, no space at either end.
    public static func isWritable(_ value: String) -> Bool {
        X12Text(value).map { !$0.replacedCharacters && $0.text == value } ?? false
    }
}
