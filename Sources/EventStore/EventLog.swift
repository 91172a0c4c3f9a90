import Foundation
import Postgres

/// The log's operations on one session, so that an append can share a transaction with other writes
/// (the PHI store, a materialised assignment). `EventStore` wraps these for callers without a session.
public enum EventLog {
    /// The log's table, for maintenance and benchmarks that work on the table as a whole (its name is
    /// EventStore's to know; every read goes through this API).
    public static let tableName = "rcm.events"

    static let appendSQL = SQL(
        "event_append",
        """
        SELECT event_id, position, stream_id, stream_version, recorded_at, hash, replayed
        FROM rcm.append_events($1::uuid, $2::text[], $3::bigint[], $4::text[], $5::uuid[], $6::text[],
                               $7::integer[], $8::jsonb[], $9::jsonb[], $10::date[], $11::text)
        """)

    /// Appends atomically; throws `EventStoreError.wrongExpectedVersion` (and appends nothing) on a mismatch.
    public static func append(_ request: AppendRequest, in session: DatabaseSession) throws -> AppendResult {
        guard !request.events.isEmpty else { throw EventStoreError.invalidRequest("no events") }
        let events = request.events
        let parameters: [SQLParameter] = [
            request.tenant.sqlParameter,
            SQLParameter.textArray(request.expectations.map(\.stream)),
            SQLParameter.textArray(request.expectations.map { String($0.expected.code) }),
            SQLParameter.textArray(events.map(\.streamID)),
            SQLParameter.textArray(events.map { $0.eventID.uuidString.lowercased() }),
            SQLParameter.textArray(events.map(\.eventType)),
            SQLParameter.textArray(events.map { String($0.schemaVersion) }),
            SQLParameter.textArray(events.map(\.payload.text)),
            SQLParameter.textArray(events.map(\.metadata.jsonText)),
            SQLParameter.textArray(events.map(\.effectiveDate)),
            request.idempotencyKey.sqlParameter,
        ]
        let result: QueryResult
        do {
            result = try session.query(appendSQL, parameters)
        } catch let error as PostgresError {
            throw translate(error, tenant: request.tenant)
        }
        var appended: [AppendedEvent] = []
        appended.reserveCapacity(result.count)
        var replayed = false
        for row in result.rows {
            appended.append(
                AppendedEvent(
                    eventID: try row.decode("event_id"), position: try row.decode("position"),
                    streamID: try row.decode("stream_id"), streamVersion: try row.decode("stream_version"),
                    recordedAt: try row.decode("recorded_at"), hash: try row.decode("hash")))
            replayed = try row.decode("replayed")
        }
        return AppendResult(events: appended, replayed: replayed)
    }

    static func translate(_ error: PostgresError, tenant: TenantID) -> Error {
        switch error.sqlState {
        case "RC001":
            if let detail = error.detail, let data = detail.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let stream = object["stream"] as? String, let expected = (object["expected"] as? NSNumber)?.int64Value,
                let actual = (object["actual"] as? NSNumber)?.int64Value
            {
                return EventStoreError.wrongExpectedVersion(stream: stream, expected: ExpectedVersion(code: expected), actual: actual)
            }
            return error
        case "RC002": return EventStoreError.invalidRequest(error.message)
        case "RC003": return EventStoreError.unknownTenant(tenant)
        case "42501": return EventStoreError.notPermitted(tenant)
        default: return error
        }
    }

    static let streamForwardSQL = SQL(
        "event_stream_forward",
        "SELECT " + RecordedEvent.columns + " FROM rcm.events WHERE tenant_id = $1 AND stream_id = $2 AND stream_version >= $3 ORDER BY stream_version LIMIT $4"
    )
    static let streamBackwardSQL = SQL(
        "event_stream_backward",
        "SELECT " + RecordedEvent.columns + " FROM rcm.events WHERE tenant_id = $1 AND stream_id = $2 AND stream_version <= $3 ORDER BY stream_version DESC LIMIT $4"
    )

    /// Reads a stream forwards from a version (inclusive), or backwards from one (inclusive; `Int64.max` for the end).
    public static func readStream(
        tenant: TenantID, stream: String, from version: Int64 = 1, direction: ReadDirection = .forward,
        limit: Int = 10_000, upcasters: UpcasterRegistry = .none, in session: DatabaseSession
    ) throws -> [RecordedEvent] {
        let sql = direction == .forward ? streamForwardSQL : streamBackwardSQL
        let rows = try session.query(sql, [tenant, stream, version, limit])
        return try rows.rows.map { try upcasters.upcast(RecordedEvent(row: $0)) }
    }

    static let headSQL = SQL("event_head", "SELECT position, head_hash FROM rcm.log_heads WHERE tenant_id = $1")

    /// The tenant's last position and head hash.
    public static func head(tenant: TenantID, in session: DatabaseSession) throws -> (position: Int64, hash: Data) {
        guard let row = try session.query(headSQL, [tenant]).first else { throw EventStoreError.unknownTenant(tenant) }
        return (try row.decode("position"), try row.decode("head_hash"))
    }

    static let streamVersionSQL = SQL(
        "event_stream_version",
        "SELECT coalesce(max(stream_version), 0) AS version FROM rcm.events WHERE tenant_id = $1 AND stream_id = $2")

    /// The stream's last version (0 when it does not exist).
    public static func streamVersion(tenant: TenantID, stream: String, in session: DatabaseSession) throws -> Int64 {
        try session.query(streamVersionSQL, [tenant, stream]).first!.decode("version")
    }
}

/// Which way to read a stream.
public enum ReadDirection: Sendable {
    /// Oldest first.
    case forward
    /// Newest first.
    case backward
}
