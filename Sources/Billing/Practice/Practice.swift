/// The practice (tenant) aggregate: providers, payer enrolments, rules, fee schedule, accounting periods.
///
/// One stream per tenant: `"practice"`.
public enum Practice {
    /// The stream id of the practice (one per tenant).
    public static let streamID = "practice"

    /// What the practice knows.
    public struct State: Sendable, Equatable {
        /// Set once the practice is configured.
        public var practiceID: PracticeID?
        /// IANA time zone of the practice, in which business dates are reckoned.
        public var timeZone: String = ""
        /// Providers by id.
        public var providers: [ProviderID: Provider] = [:]
        /// Payer enrolments by payer.
        public var payers: [PayerID: PayerEnrollment] = [:]
        /// The practice's charges by code and date.
        public var feeSchedule: [RateEntry] = []
        /// The last closed accounting period, if any; all earlier periods are closed too.
        public var closedThrough: AccountingPeriod?

        /// An empty practice.
        public init() {}

        /// The payer rule in force on a date of service.
        public func rule(payer: PayerID, on date: LocalDate) -> PayerRule? { payers[payer]?.rule(on: date) }

        /// The contracted allowed amount for a code on a date.
        public func expectedAllowed(payer: PayerID, code: String, on date: LocalDate) -> Money? {
            payers[payer].flatMap { latestRate($0.contractRates, code: code, on: date) }
        }

        /// The fee-schedule charge for a code on a date.
        public func fee(code: String, on date: LocalDate) -> Money? { latestRate(feeSchedule, code: code, on: date) }

        /// True when the period is closed.
        public func isClosed(_ period: AccountingPeriod) -> Bool { closedThrough.map { period <= $0 } ?? false }

        /// The period a financial fact dated `date` posts to: its own month, or the first open one after a close.
        public func postingPeriod(for date: LocalDate) -> AccountingPeriod {
            let own = AccountingPeriod(containing: date)
            guard let closed = closedThrough, own <= closed else { return own }
            return closed.next
        }
    }

    /// The empty practice before its first event.
    public static let initial = State()
}
