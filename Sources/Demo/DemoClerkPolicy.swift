import Billing
import Foundation

/// How the demo's clerk works, and how the demo's patients answer their statements. The money rules are the
/// company's written policy; the patients' behaviour is drawn per claim from the seed, so a run is reproducible.
public struct DemoClerkPolicy: Sendable, Hashable {
    /// Patient balances below this are written off as small balances…
    public var smallBalance = Money(cents: 10_00)
    /// …once they are this many days old (from the day the balance moved to the patient).
    public var smallBalanceAfterDays = 60
    /// A patient balance still open this many days after its first statement is written off as bad debt.
    public var badDebtAfterDays = 120
    /// An appeal with no payment this many days after it was sent was upheld: the denial is written off.
    public var appealUpheldAfterDays = 45
    /// Statements ask for payment within this many days.
    public var statementDueDays = 30
    /// Percent of patients who pay their balance in full within `statementDueDays` of the first statement.
    public var payInFullPercent = 88
    /// Percent of patients who pay half and then stop (the rest pay nothing).
    public var payHalfPercent = 6
    /// A CO-29 (filing deadline) denial of a claim first submitted within this many days of its first date of
    /// service is appealed with the proof of timely filing (the payer's acceptance); otherwise it is ours to write off.
    public var timelyFilingProofDays = 90
    /// A claim with no payer answer this many days after it was first sent is chased with a 276 (the payers' default).
    public var unansweredAfterDays = 30

    /// The default policy.
    public init() {}

    /// What a patient does about a claim's balance.
    public enum PatientHabit: Sendable, Hashable {
        /// Pays it all, this many days after the first statement.
        case paysInFull(afterDays: Int)
        /// Pays half, this many days after the first statement, and nothing more.
        case paysHalf(afterDays: Int)
        /// Never pays.
        case neverPays
    }

    /// The patient's habit for one claim, fixed by the seed and the claim number.
    public func habit(seed: UInt64, claim: String) -> PatientHabit {
        var random = DemoRandom(seed: seed, stream: "patient-pays|\(claim)")
        let share = random.int(0...99)
        let days = random.int(3...(statementDueDays - 1))
        if share < payInFullPercent { return .paysInFull(afterDays: days) }
        if share < payInFullPercent + payHalfPercent { return .paysHalf(afterDays: days) }
        return .neverPays
    }

    /// The month-end statement run that first shows a balance that moved to the patient on `date`.
    public static func firstStatement(after date: LocalDate) -> LocalDate {
        let next = LocalDate(year: date.month == 12 ? date.year + 1 : date.year, month: date.month == 12 ? 1 : date.month + 1, day: 1)!
        return next.adding(days: -1)
    }

    /// True when `date` is the last day of its month (the clerk's statement run).
    public static func isMonthEnd(_ date: LocalDate) -> Bool { date.adding(days: 1).day == 1 }
}
