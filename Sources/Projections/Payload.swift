import Foundation

/// A decoded event payload: a JSON object read with the module's own small parser (`JSONValue`), which is
/// much faster than decoding every event into the full `Billing` types or through `JSONSerialization`.
/// Only the fields a projection needs are read.
struct Payload {
    let value: JSONValue

    init(_ data: Data) throws {
        let value = try JSONValue.parse(data)
        guard case .object = value else { throw ProjectionError.malformedPayload }
        self.value = value
    }

    init(value: JSONValue) { self.value = value }

    /// An empty object.
    static let empty = Payload(value: .object([]))

    /// A string field, if present.
    func string(_ key: String) -> String? {
        if case .string(let text) = value[key] { return text }
        return nil
    }

    /// A boolean field (false when absent).
    func bool(_ key: String) -> Bool {
        if case .bool(let flag) = value[key] { return flag }
        return false
    }

    /// A money field (decimal text such as `"125.50"`) in cents; zero when absent.
    func cents(_ key: String) throws -> Int64 {
        guard let text = string(key) else { return 0 }
        return try Payload.cents(text)
    }

    /// A nested object.
    func nested(_ key: String) -> Payload? {
        guard let inner = value[key], case .object = inner else { return nil }
        return Payload(value: inner)
    }

    /// An array of objects.
    func objects(_ key: String) -> [Payload] {
        guard case .array(let elements) = value[key] else { return [] }
        return elements.compactMap { element in
            if case .object = element { return Payload(value: element) }
            return nil
        }
    }

    /// An array of strings.
    func strings(_ key: String) -> [String] {
        guard case .array(let elements) = value[key] else { return [] }
        return elements.compactMap { element in
            if case .string(let text) = element { return text }
            return nil
        }
    }

    /// Parses decimal money text (`"-12.5"`, `"125.50"`, `"3"`) into cents without floating point.
    static func cents(_ text: String) throws -> Int64 {
        var negative = false
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "."):
                guard !seenPoint else { throw ProjectionError.malformedPayload }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenPoint {
                    guard fractionDigits < 2 else { throw ProjectionError.malformedPayload }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    let (times, overflow1) = whole.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(digit)
                    guard !overflow1, !overflow2 else { throw ProjectionError.malformedPayload }
                    whole = sum
                }
            default: throw ProjectionError.malformedPayload
            }
        }
        guard seenDigit else { throw ProjectionError.malformedPayload }
        if fractionDigits == 1 { fraction *= 10 }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw ProjectionError.malformedPayload }
        let value = scaled + fraction
        return negative ? -value : value
    }
}
