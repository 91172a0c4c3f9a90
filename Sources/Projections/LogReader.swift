import Foundation
import Postgres

/// Reads a tenant's log for the projections: only the claim event types, only the columns needed, in
/// keyset batches so memory stays bounded, optionally as of a business date and as known at a time.
enum LogReader {
    static let batchSQL = SQL(
        "proj_read_log",
        """
        SELECT position, event_type, schema_version, payload, to_char(effective_date, 'YYYY-MM-DD') AS effective_date
        FROM rcm.events
        WHERE tenant_id = $1 AND position > $2 AND position <= $3 AND event_type = ANY($4::text[])
          AND ($6::date IS NULL OR effective_date <= $6::date)
          AND ($7::timestamptz IS NULL OR recorded_at <= $7::timestamptz)
        ORDER BY position
        LIMIT $5
        """)

    static let headSQL = SQL("proj_log_head", "SELECT position FROM rcm.log_heads WHERE tenant_id = $1")

    /// The tenant's committed head (every position up to it is committed and visible).
    static func head(tenant: String, in session: DatabaseSession) throws -> Int64 {
        try session.query(headSQL, [tenant]).first?.decode("position") ?? 0
    }

    /// One batch of claim events after `position`, up to `head`.
    static func batch(
        tenant: String, after position: Int64, upTo head: Int64, limit: Int, asOf: String? = nil,
        knownAt: Date? = nil, in session: DatabaseSession
    ) throws -> [LogEvent] {
        let result = try session.query(
            batchSQL,
            [
                SQLParameter(text: tenant), position.sqlParameter, head.sqlParameter,
                SQLParameter.textArray(ClaimsProjection.eventTypes), limit.sqlParameter, SQLParameter(text: asOf),
                knownAt.map(\.sqlParameter) ?? .null,
            ])
        var events: [LogEvent] = []
        events.reserveCapacity(result.count)
        for row in result.rows {
            events.append(
                LogEvent(
                    tenantID: tenant, position: try row.decode("position"), eventType: try row.decode("event_type"),
                    schemaVersion: try row.decode("schema_version"),
                    payload: try row.withRawText("payload") { Data(buffer: $0 ?? UnsafeBufferPointer(start: nil, count: 0)) },
                    effectiveDate: try row.decode("effective_date")))
        }
        return events
    }
}
