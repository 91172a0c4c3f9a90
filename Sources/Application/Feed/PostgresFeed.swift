import Billing
import EventStore
import Foundation
import Postgres

/// Reads a practice's log for integrators: committed events only (through the head, so no later reader
/// sees an event appear behind the cursor), in position order, each shown through `IntegratorView`.
enum PostgresFeed {
    static let readSQL = SQL(
        "feed_read",
        """
        SELECT e.position, e.event_id, e.event_type, e.schema_version, e.stream_id, e.stream_version, e.payload::text AS payload,
               e.effective_date::text AS effective_date, e.recorded_at
        FROM rcm.events e
        WHERE e.tenant_id = $1 AND e.position > $2
          AND e.position <= (SELECT h.position FROM rcm.log_heads h WHERE h.tenant_id = $1)
        ORDER BY e.position LIMIT $3
        """)
    static let headSQL = SQL("feed_head", "SELECT coalesce((SELECT position FROM rcm.log_heads WHERE tenant_id = $1), 0) AS position")

    /// Up to `limit` log events after `position` (shown and withheld alike are read, so the cursor passes
    /// withheld ones), the ones shown (of `types`, when given) and the last position read.
    static func read(
        tenant: TenantID, after position: Int64, limit: Int, types: Set<String>? = nil, in session: DatabaseSession
    ) throws -> (events: [FeedEvent], through: Int64) {
        var through = position
        var events: [FeedEvent] = []
        for row in try session.query(readSQL, [tenant, position, limit]).rows {
            through = try row.decode("position")
            let type: String = try row.decode("event_type")
            guard IntegratorView.shows(type), types.map({ $0.contains(type) }) ?? true else { continue }
            let stored = try JSONSerialization.jsonObject(with: Data(try row.decode("payload", as: String.self).utf8))
            let shown = try JSONSerialization.data(withJSONObject: IntegratorView.redact(stored), options: [.sortedKeys, .withoutEscapingSlashes])
            events.append(
                FeedEvent(
                    position: through, eventID: try row.decode("event_id"), eventType: type, schemaVersion: try row.decode("schema_version"),
                    stream: try row.decode("stream_id"), streamVersion: try row.decode("stream_version"),
                    effectiveDate: try row.decode("effective_date"), recordedAt: try row.decode("recorded_at"), payload: shown))
        }
        return (events, through)
    }

    static func head(tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try session.query(headSQL, [tenant]).first!.decode("position")
    }
}
