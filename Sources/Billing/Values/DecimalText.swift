/// Reads decimal text (`"-12.5"`, `"125.50"`, `"3"`) as a whole number of hundredths or thousandths, byte by
/// byte: an optional `-`, at least one ASCII digit, then optionally `.` and one to `fractionDigits` digits;
/// nothing else, no exponent, no overflow. Money and quantities are decoded from every event payload, so
/// this avoids the allocations of splitting strings.
enum DecimalText {
    /// The value scaled by 10^`fractionDigits`, or nil when the text is not such a decimal or overflows.
    static func scaled(_ text: String, fractionDigits: Int) -> Int64? {
        var text = text
        return text.withUTF8 { bytes in scaled(bytes, fractionDigits: fractionDigits) }
    }

    static func scaled(_ bytes: UnsafeBufferPointer<UInt8>, fractionDigits: Int) -> Int64? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var whole: Int64 = 0
        let wholeStart = index
        while index < bytes.count, let digit = digit(bytes[index]) {
            let (times, o1) = whole.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            whole = sum
            index += 1
        }
        guard index > wholeStart else { return nil }
        var fraction: Int64 = 0
        var digits = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return nil }
            index += 1
            while index < bytes.count, let digit = digit(bytes[index]), digits < fractionDigits {
                fraction = fraction * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0, index == bytes.count else { return nil }
        }
        for _ in digits..<fractionDigits { fraction *= 10 }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: scale)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { return nil }
        return negative ? -total : total
    }

    /// The value of an ASCII digit.
    static func digit(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
