import Foundation

/// One value bound to a `$n` placeholder: its bytes (nil for NULL) and whether they are text or binary.
public struct SQLParameter: Sendable, Hashable {
    /// The value's bytes; `nil` is SQL NULL.
    public let bytes: [UInt8]?
    /// True for binary format (used for `bytea`), false for PostgreSQL's text format.
    public let isBinary: Bool

    /// A text-format value.
    public init(text: String?) {
        self.bytes = text.map { Array($0.utf8) }
        self.isBinary = false
    }

    /// A text-format value from its UTF-8 bytes, already built.
    init(textBytes: [UInt8]) {
        self.bytes = textBytes
        self.isBinary = false
    }

    /// A binary-format value (for `bytea`).
    public init(binary: [UInt8]?) {
        self.bytes = binary
        self.isBinary = true
    }

    /// SQL NULL.
    public static let null = SQLParameter(text: nil)
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable: Sendable {
    /// The value as a statement parameter.
    var sqlParameter: SQLParameter { get }
}

extension SQLParameter: SQLBindable {
    /// Itself.
    public var sqlParameter: SQLParameter { self }
}

extension String: SQLBindable {
    /// Text.
    public var sqlParameter: SQLParameter { SQLParameter(text: self) }
}

extension Substring: SQLBindable {
    /// Text.
    public var sqlParameter: SQLParameter { SQLParameter(text: String(self)) }
}

extension Int: SQLBindable {
    /// Decimal text.
    public var sqlParameter: SQLParameter { SQLParameter(text: String(self)) }
}

extension Int32: SQLBindable {
    /// Decimal text.
    public var sqlParameter: SQLParameter { SQLParameter(text: String(self)) }
}

extension Int64: SQLBindable {
    /// Decimal text.
    public var sqlParameter: SQLParameter { SQLParameter(text: String(self)) }
}

extension Bool: SQLBindable {
    /// `true` or `false`.
    public var sqlParameter: SQLParameter { SQLParameter(text: self ? "true" : "false") }
}

extension UUID: SQLBindable {
    /// The canonical lower-case form.
    public var sqlParameter: SQLParameter { SQLParameter(text: uuidString.lowercased()) }
}

extension Date: SQLBindable {
    /// ISO 8601 in UTC with microseconds, for `timestamptz`.
    public var sqlParameter: SQLParameter { SQLParameter(text: PostgresTime.text(for: self)) }
}

extension Data: SQLBindable {
    /// Binary, for `bytea`.
    public var sqlParameter: SQLParameter { SQLParameter(binary: Array(self)) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// Binary, for `bytea`.
    public var sqlParameter: SQLParameter { SQLParameter(binary: self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// The wrapped value, or NULL.
    public var sqlParameter: SQLParameter {
        switch self {
        case .some(let value): value.sqlParameter
        case .none: .null
        }
    }
}

/// JSON text bound to a `jsonb` or `json` parameter, or read from one.
public struct JSONText: Sendable, Hashable, SQLBindable, CustomStringConvertible {
    /// The JSON document as text.
    public let text: String
    /// Wraps JSON text.
    public init(_ text: String) { self.text = text }
    /// Wraps UTF-8 JSON bytes.
    public init(data: Data) { self.text = String(decoding: data, as: UTF8.self) }
    /// The document as UTF-8 bytes.
    public var data: Data { Data(text.utf8) }
    /// Text.
    public var sqlParameter: SQLParameter { SQLParameter(text: text) }
    /// The JSON text.
    public var description: String { text }
}
