import Foundation
import Postgres

/// An event as a fold reads it in bulk: position, stream, type, schema version, payload and business date. No
/// event ids, metadata, times or login, so that a rebuild reads the log at close to the raw rate
/// (`EventLog.readLogEntries`).
public struct LogEntry: Sendable, Hashable {
    /// Gap-free position in the tenant's log.
    public let position: Int64
    /// The stream the event belongs to (e.g. `remit-aetna-TRACE1`).
    public let streamID: String
    /// The stored type name.
    public let eventType: String
    /// The payload's shape version (after upcasting, the current one).
    public let schemaVersion: Int
    /// The payload, as PostgreSQL prints the stored `jsonb` (after upcasting, the current shape).
    public let payload: Data
    /// The business date, `YYYY-MM-DD`.
    public let effectiveDate: String

    /// Makes an entry.
    public init(position: Int64, streamID: String, eventType: String, schemaVersion: Int, payload: Data, effectiveDate: String) {
        self.position = position
        self.streamID = streamID
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.effectiveDate = effectiveDate
    }

    /// The entry of a recorded event.
    public init(_ event: RecordedEvent) {
        self.init(
            position: event.position, streamID: event.streamID, eventType: event.eventType, schemaVersion: event.schemaVersion,
            payload: event.payload, effectiveDate: event.effectiveDate)
    }

    static let columns = "position, stream_id, event_type, schema_version, payload, to_char(effective_date, 'YYYY-MM-DD') AS effective_date"

    init(row: Row) throws {
        position = try row.decode("position")
        streamID = try row.decode("stream_id")
        eventType = try row.decode("event_type")
        schemaVersion = try row.decode("schema_version")
        payload = try row.withRawText("payload") { Data(buffer: $0 ?? UnsafeBufferPointer(start: nil, count: 0)) }
        effectiveDate = try row.decode("effective_date")
    }
}
