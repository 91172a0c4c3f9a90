/// A calendar date as X12 writes it, `CCYYMMDD`, checked for a real day (leap years included).
public struct X12Date: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// A date, or `nil` when it is not a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= X12Date.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date known to be valid, for constants.
    private init(constant year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 0001-01-01: a placeholder while a reader waits for the real date.
    static let placeholder = X12Date(constant: 1, 1, 1)

    /// Reads `CCYYMMDD`; `nil` when the text is not eight digits naming a real day.
    public init?(x12 text: String) {
        self.init(bytes: Array(text.utf8)[...])
    }

    /// Reads `CCYYMMDD` bytes.
    init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        guard bytes.count == 8 else { return nil }
        var number = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        self.init(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    }

    /// The `CCYYMMDD` text.
    public var x12: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// ISO 8601, `CCYY-MM-DD`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// Orders by calendar day.
    public static func < (lhs: X12Date, rhs: X12Date) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Encodes as `CCYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes `CCYY-MM-DD` or `CCYYMMDD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = X12Date(x12: text.replacingOccurrences(of: "-", with: "")) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a date")
        }
        self = value
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    var text = String(value)
    while text.count < width { text = "0" + text }
    return text
}
