import Billing

/// When the money of an amount is available (BAI2 funds type and the fields that follow it).
public enum BAI2Funds: Sendable, Equatable {
    /// 0 immediate, 1 one day, 2 two or more days, Z unknown (or the field empty).
    case simple(String)
    /// V: value dated (YYMMDD, HHMM or empty).
    case valueDated(date: String, time: String)
    /// S: amounts available immediately, in one day and in two or more days.
    case distributedSimple(immediate: Money, oneDay: Money, twoOrMoreDays: Money)
    /// D: a number of distributions, each days and amount.
    case distributed([(days: Int, amount: Money)])

    public static func == (lhs: BAI2Funds, rhs: BAI2Funds) -> Bool {
        switch (lhs, rhs) {
        case let (.simple(a), .simple(b)): a == b
        case let (.valueDated(d1, t1), .valueDated(d2, t2)): d1 == d2 && t1 == t2
        case let (.distributedSimple(a1, b1, c1), .distributedSimple(a2, b2, c2)): a1 == a2 && b1 == b2 && c1 == c2
        case let (.distributed(a), .distributed(b)): a.count == b.count && zip(a, b).allSatisfy { $0.days == $1.days && $0.amount == $1.amount }
        default: false
        }
    }
}
