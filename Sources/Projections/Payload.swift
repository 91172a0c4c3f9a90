import Foundation

/// A decoded event payload: a JSON object read with `JSONSerialization`, which is much faster than
/// decoding every event into the full `Billing` types. Only the fields a projection needs are read.
struct Payload {
    let object: [String: Any]

    init(_ data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ProjectionError.malformedPayload
        }
        self.object = object
    }

    init(object: [String: Any]) { self.object = object }

    /// A string field, if present.
    func string(_ key: String) -> String? { object[key] as? String }

    /// A boolean field (false when absent).
    func bool(_ key: String) -> Bool { (object[key] as? Bool) ?? false }

    /// A money field (decimal text such as `"125.50"`) in cents; zero when absent.
    func cents(_ key: String) throws -> Int64 {
        guard let text = object[key] as? String else { return 0 }
        return try Payload.cents(text)
    }

    /// A nested object.
    func nested(_ key: String) -> Payload? { (object[key] as? [String: Any]).map(Payload.init(object:)) }

    /// An array of objects.
    func objects(_ key: String) -> [Payload] {
        ((object[key] as? [Any]) ?? []).compactMap { ($0 as? [String: Any]).map(Payload.init(object:)) }
    }

    /// An array of strings.
    func strings(_ key: String) -> [String] { ((object[key] as? [Any]) ?? []).compactMap { $0 as? String } }

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
