/// The four delimiters an interchange declares in its ISA header.
public struct Separators: Sendable, Hashable, Codable {
    /// Between elements: the 4th character of the ISA (`*`).
    public var element: UInt8
    /// Between components of a composite element: ISA16 (`:`).
    public var component: UInt8
    /// Between repeated values of an element: ISA11 (`^`).
    public var repetition: UInt8
    /// After each segment: the character after ISA16, position 106 of a well-formed ISA (`~`).
    public var segment: UInt8

    /// Separators.
    public init(element: UInt8, component: UInt8, repetition: UInt8, segment: UInt8) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
    }

    /// `*`, `:`, `^` and `~`: what our writers use unless told otherwise.
    public static let standard = Separators(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ":"),
        repetition: UInt8(ascii: "^"), segment: UInt8(ascii: "~"))

    /// All four, for checking that a value holds none of them.
    var all: [UInt8] { [element, component, repetition, segment] }
}

/// A byte as it may appear in a message: printable ASCII as itself, anything else as `0xNN`.
func printable(_ byte: UInt8) -> String {
    byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
}

/// A token as it may appear in a message: quoted, at most 24 characters, control bytes escaped.
func quoted<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    var text = ""
    for byte in bytes.prefix(24) {
        if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") {
            text.append(Character(Unicode.Scalar(byte)))
        } else {
            text += "\\x" + String(byte, radix: 16, uppercase: true)
        }
    }
    return "\"" + text + (bytes.count > 24 ? "…" : "") + "\""
}
