import EventStore
import Foundation
import Postgres

/// Reads a tenant's log for the projections through the event store: only the claim event types, in keyset
/// batches up to a head read first, so memory stays bounded, optionally as of a business date and as known
/// at a time.
enum LogReader {
    /// One batch of claim events after `position`, up to `head`.
    static func batch(
        tenant: TenantID, after position: Int64, upTo head: Int64, limit: Int, asOf: String? = nil,
        knownAt: Date? = nil, in session: DatabaseSession
    ) throws -> [LogEvent] {
        let entries = try EventLog.readLogEntries(
            tenant: tenant, after: position, through: head, limit: limit, types: ClaimsProjection.eventTypes,
            asOf: asOf, knownAt: knownAt, in: session)
        let tenantText = tenant.description
        var events: [LogEvent] = []
        events.reserveCapacity(entries.count)
        for event in entries {
            events.append(
                LogEvent(
                    tenantID: tenantText, position: event.position, eventType: event.eventType,
                    schemaVersion: event.schemaVersion, payload: event.payload, effectiveDate: event.effectiveDate))
        }
        return events
    }
}
