import Billing
import EventStore
import Foundation

/// Who is acting, for which tenant, on what business date, and from what source: everything a command
/// needs besides its own arguments. Nondeterminism (today, ids) enters here, not in the domain.
public struct CommandContext: Sendable {
    /// The tenant whose log receives the events.
    public let tenant: Tenant
    /// The acting login (the server records `db_user` itself as well).
    public let actor: String
    /// `cli`, `api`, or `x12:<sha256>:<ST02>`.
    public let source: String
    /// Groups the events of one operation.
    public let correlationID: UUID
    /// A person's reason, when they override something.
    public let reason: String?
    /// The business date today, in the tenant's time zone.
    public let today: LocalDate

    /// Makes a context.
    public init(tenant: Tenant, actor: String, source: String = "cli", correlationID: UUID = UUID(), reason: String? = nil, today: LocalDate) {
        self.tenant = tenant
        self.actor = actor
        self.source = source
        self.correlationID = correlationID
        self.reason = reason
        self.today = today
    }

    /// The metadata of events appended in this context.
    public func metadata(causation: UUID? = nil) -> EventMetadata {
        EventMetadata(actor: actor, source: source, correlationID: correlationID, causationID: causation, reason: reason)
    }

    /// The same context for another tenant (the company tenant, say).
    public func forTenant(_ tenant: Tenant) -> CommandContext {
        CommandContext(tenant: tenant, actor: actor, source: source, correlationID: correlationID, reason: reason, today: today)
    }

    /// The same context with a person's reason.
    public func withReason(_ reason: String) -> CommandContext {
        CommandContext(tenant: tenant, actor: actor, source: source, correlationID: correlationID, reason: reason, today: today)
    }

    /// The same context with another source (an X12 file).
    public func withSource(_ source: String) -> CommandContext {
        CommandContext(tenant: tenant, actor: actor, source: source, correlationID: correlationID, reason: reason, today: today)
    }

    /// Today's business date in a time zone (for `today`). `RCM_BUSINESS_DATE=YYYY-MM-DD` in the
    /// environment overrides it, for back-office catch-up and for the demo's year: the business date is an
    /// input; `recorded_at` is always the server's clock, so "as known at" still tells the two apart.
    public static func today(in timeZone: String, now: Date = Date(), environment: [String: String] = ProcessInfo.processInfo.environment)
        -> LocalDate
    {
        if let text = environment["RCM_BUSINESS_DATE"], let date = LocalDate(text) { return date }
        return calendarDay(in: timeZone, now: now)
    }

    static func calendarDay(in timeZone: String, now: Date) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
