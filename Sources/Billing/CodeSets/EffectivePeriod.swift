/// The dates a code or rule is in force: from a first day, through an optional last day (inclusive).
public struct EffectivePeriod: Sendable, Hashable, Codable {
    /// The first day in force.
    public var from: LocalDate
    /// The last day in force, or nil when still in force.
    public var through: LocalDate?

    /// A period from `from` through `through`.
    public init(from: LocalDate, through: LocalDate? = nil) {
        self.from = from
        self.through = through
    }

    /// True when the period ends before it starts (`through` earlier than `from`): a window no date falls in.
    public var endsBeforeItStarts: Bool { through.map { $0 < from } ?? false }

    /// True when `date` falls inside the period.
    public func contains(_ date: LocalDate) -> Bool {
        date >= from && (through.map { date <= $0 } ?? true)
    }

    /// True when every date of `other` falls inside the period.
    public func covers(_ other: EffectivePeriod) -> Bool {
        guard other.from >= from else { return false }
        guard let through else { return true }
        return other.through.map { $0 <= through } ?? false
    }

    /// The smallest period holding both: from the earlier first day through the later last day (open when either is).
    public func union(_ other: EffectivePeriod) -> EffectivePeriod {
        let last: LocalDate? = if let a = through, let b = other.through { max(a, b) } else { nil }
        return EffectivePeriod(from: min(from, other.from), through: last)
    }

    /// In force since long before any claim we handle.
    public static let always = EffectivePeriod(from: LocalDate(year: 2000, month: 1, day: 1)!)

    /// In force from a date given as `"YYYY-MM-DD"`, optionally through another.
    static func since(_ from: String, through: String? = nil) -> EffectivePeriod {
        EffectivePeriod(from: LocalDate(from)!, through: through.map { LocalDate($0)! })
    }
}
