/// Fixed-point decimal text ↔ scaled integers, shared by amounts and quantities.
enum X12Decimal {
    /// At most this many digits before the decimal point (X12 numbers are at most 18 digits; we keep
    /// well inside `Int64` after scaling).
    static let maxIntegerDigits = 14

    /// Parses `[-]digits[.digits]` into an integer scaled by 10^`scale`; more significant decimals than
    /// `scale` are refused, extra trailing zeros accepted.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, scale: Int) -> Int64? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            bytes.formIndex(after: &index)
        }
        var integer: Int64 = 0
        var integerDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawPoint = false
        var anyDigit = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                let digit = Int64(byte - 0x30)
                anyDigit = true
                if sawPoint {
                    if fractionDigits < scale {
                        fraction = fraction * 10 + digit
                        fractionDigits += 1
                    } else if digit != 0 {
                        return nil
                    }
                } else {
                    if integerDigits > 0 || digit != 0 { integerDigits += 1 }
                    if integerDigits > maxIntegerDigits { return nil }
                    integer = integer * 10 + digit
                }
            } else {
                return nil
            }
            bytes.formIndex(after: &index)
        }
        guard anyDigit else { return nil }
        var multiplier: Int64 = 1
        for _ in 0..<scale { multiplier *= 10 }
        var pad = fractionDigits
        while pad < scale {
            fraction *= 10
            pad += 1
        }
        let value = integer * multiplier + fraction
        return negative ? -value : value
    }

    /// Formats with no trailing fractional zeros (`12550`, 2 → `"125.5"`).
    static func format(_ value: Int64, scale: Int) -> String {
        var text = formatFixed(value, scale: scale)
        guard scale > 0 else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Formats with exactly `scale` decimals (`12550`, 2 → `"125.50"`).
    static func formatFixed(_ value: Int64, scale: Int) -> String {
        var multiplier: Int64 = 1
        for _ in 0..<scale { multiplier *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(multiplier)
        let fraction = magnitude % UInt64(multiplier)
        let sign = value < 0 ? "-" : ""
        guard scale > 0 else { return "\(sign)\(whole)" }
        var fractionText = String(fraction)
        while fractionText.count < scale { fractionText = "0" + fractionText }
        return "\(sign)\(whole).\(fractionText)"
    }
}
