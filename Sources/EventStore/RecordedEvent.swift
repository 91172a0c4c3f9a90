import Foundation
import Postgres

/// An event as stored in the log.
public struct RecordedEvent: Sendable, Hashable {
    /// The tenant.
    public let tenant: TenantID
    /// Gap-free position in the tenant's log.
    public let position: Int64
    /// The stream.
    public let streamID: String
    /// The version in the stream.
    public let streamVersion: Int64
    /// The event's id.
    public let eventID: UUID
    /// The stored type name.
    public let eventType: String
    /// The payload's shape version (after upcasting, the current one).
    public let schemaVersion: Int
    /// The payload, as PostgreSQL prints the stored `jsonb` (after upcasting, the current shape).
    public let payload: Data
    /// The metadata, as PostgreSQL prints the stored `jsonb`.
    public let metadata: Data
    /// The business date, `YYYY-MM-DD`.
    public let effectiveDate: String
    /// When the server recorded it.
    public let recordedAt: Date
    /// The database login that appended it, recorded by the server.
    public let dbUser: String

    /// The metadata, decoded.
    public func decodedMetadata() throws -> EventMetadata {
        try JSONDecoder().decode(EventMetadata.self, from: metadata)
    }

    /// The idempotency key of the append that wrote this event, if it had one.
    public var idempotencyKey: String? {
        (try? JSONSerialization.jsonObject(with: metadata) as? [String: Any])?["idempotency_key"] as? String
    }

    static let columns = """
        tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version, payload, metadata,
        to_char(effective_date, 'YYYY-MM-DD') AS effective_date, recorded_at, db_user
        """

    init(row: Row) throws {
        tenant = try row.decode("tenant_id")
        position = try row.decode("position")
        streamID = try row.decode("stream_id")
        streamVersion = try row.decode("stream_version")
        eventID = try row.decode("event_id")
        eventType = try row.decode("event_type")
        schemaVersion = try row.decode("schema_version")
        payload = try row.withRawText("payload") { Data(buffer: $0 ?? UnsafeBufferPointer(start: nil, count: 0)) }
        metadata = try row.withRawText("metadata") { Data(buffer: $0 ?? UnsafeBufferPointer(start: nil, count: 0)) }
        effectiveDate = try row.decode("effective_date")
        recordedAt = try row.decode("recorded_at")
        dbUser = try row.decode("db_user")
    }

    init(copying other: RecordedEvent, schemaVersion: Int, payload: Data) {
        self.init(
            tenant: other.tenant, position: other.position, streamID: other.streamID, streamVersion: other.streamVersion,
            eventID: other.eventID, eventType: other.eventType, schemaVersion: schemaVersion, payload: payload,
            metadata: other.metadata, effectiveDate: other.effectiveDate, recordedAt: other.recordedAt,
            dbUser: other.dbUser)
    }
}
