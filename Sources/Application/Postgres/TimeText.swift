import Foundation
import Postgres

/// Times as the product prints them: ISO 8601 in UTC with microseconds, as PostgreSQL keeps them.
public enum TimeText {
    /// `2026-07-05T17:00:00.000000Z`.
    public static func iso(_ date: Date) -> String { PostgresTime.text(for: date) }
}
