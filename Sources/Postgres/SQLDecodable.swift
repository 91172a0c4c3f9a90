import Foundation

/// A Swift type that can be made from a column's value in PostgreSQL's text format.
public protocol SQLDecodable: Sendable {
    /// Makes a value from the column's text bytes, or returns nil when they do not fit the type.
    init?(sqlText bytes: UnsafeBufferPointer<UInt8>)
}

extension String: SQLDecodable {
    /// The text as it is.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// Parses a decimal integer without going through `String`.
@inline(__always)
func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard !bytes.isEmpty else { return nil }
    var index = 0
    var negative = false
    if bytes[0] == 45 {
        negative = true
        index = 1
    }
    guard index < bytes.count else { return nil }
    var value: Int64 = 0
    while index < bytes.count {
        let digit = bytes[index] &- 48
        guard digit < 10 else { return nil }
        let (times, o1) = value.multipliedReportingOverflow(by: 10)
        let (sum, o2) = negative ? times.subtractingReportingOverflow(Int64(digit)) : times.addingReportingOverflow(Int64(digit))
        guard !o1, !o2 else { return nil }
        value = sum
        index += 1
    }
    return value
}

extension Int64: SQLDecodable {
    /// A decimal integer.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(bytes) else { return nil }
        self = value
    }
}

extension Int32: SQLDecodable {
    /// A decimal integer in range.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(bytes), let narrow = Int32(exactly: value) else { return nil }
        self = narrow
    }
}

extension Int: SQLDecodable {
    /// A decimal integer.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(bytes), let narrow = Int(exactly: value) else { return nil }
        self = narrow
    }
}

extension Bool: SQLDecodable {
    /// `t` or `f`.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 1 else { return nil }
        switch bytes[0] {
        case 116: self = true
        case 102: self = false
        default: return nil
        }
    }
}

extension UUID: SQLDecodable {
    /// The canonical text form.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = UUID(uuidString: String(decoding: bytes, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Date: SQLDecodable {
    /// A `timestamptz` (any offset) or a `date` (midnight UTC).
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = PostgresTime.parse(String(decoding: bytes, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Data: SQLDecodable {
    /// A `bytea` in hex output format (`\x0a1b…`).
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 2, bytes[0] == 92, bytes[1] == 120, bytes.count % 2 == 0 else { return nil }
        var out = Data(capacity: (bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        self = out
    }
}

@inline(__always)
private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 48...57: byte - 48
    case 97...102: byte - 87
    case 65...70: byte - 55
    default: nil
    }
}

extension JSONText: SQLDecodable {
    /// The `json`/`jsonb` text output.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        self.init(String(decoding: bytes, as: UTF8.self))
    }
}
