import EventStore
import Foundation
import Postgres

/// Reads a tenant's log for the projections through the event store: only the types they fold, in keyset
/// batches up to a head read first, so memory stays bounded, optionally as of a business date and as known
/// at a time.
enum LogReader {
    /// One batch of entries after `position`, up to `head`.
    static func batch(
        tenant: TenantID, after position: Int64, upTo head: Int64, limit: Int, asOf: String? = nil,
        knownAt: Date? = nil, in session: DatabaseSession
    ) throws -> [LogEntry] {
        try EventLog.readLogEntries(
            tenant: tenant, after: position, through: head, limit: limit, types: ProjectionEvents.types,
            asOf: asOf, knownAt: knownAt, in: session)
    }
}
