import Foundation

/// An event as a projection reads it: only the columns it needs, with the payload as `jsonb` text.
public struct LogEvent: Sendable, Hashable {
    /// The tenant, as PostgreSQL prints its `uuid`.
    public let tenantID: String
    /// The position in the tenant's log.
    public let position: Int64
    /// The stored type name.
    public let eventType: String
    /// The payload's schema version.
    public let schemaVersion: Int
    /// The payload, as `jsonb` text.
    public let payload: Data
    /// The business date, `YYYY-MM-DD`.
    public let effectiveDate: String

    /// Makes an event.
    public init(
        tenantID: String, position: Int64, eventType: String, schemaVersion: Int = 1, payload: Data,
        effectiveDate: String
    ) {
        self.tenantID = tenantID
        self.position = position
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.effectiveDate = effectiveDate
    }
}
