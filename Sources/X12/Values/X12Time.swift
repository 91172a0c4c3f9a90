/// A time of day as X12 writes it in envelopes, `HHMM`.
public struct X12Time: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The hour, 0…23.
    public let hour: Int
    /// The minute, 0…59.
    public let minute: Int

    /// A time, or `nil` when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    private init(constant hour: Int, _ minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// 00:00.
    static let midnight = X12Time(constant: 0, 0)

    /// Reads `HHMM` (longer `HHMMSS…` forms keep the hours and minutes).
    public init?(x12 text: String) {
        let digits = Array(text.utf8)
        guard digits.count >= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.init(hour: Int(digits[0] - 0x30) * 10 + Int(digits[1] - 0x30),
                  minute: Int(digits[2] - 0x30) * 10 + Int(digits[3] - 0x30))
    }

    /// The `HHMM` text.
    public var x12: String { pad(hour, 2) + pad(minute, 2) }

    /// `HH:MM`.
    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) }
}
