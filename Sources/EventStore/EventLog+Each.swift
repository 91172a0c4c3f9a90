import Foundation
import Postgres

extension EventLog {
    static let appendEachSQL = SQL(
        "event_append_each",
        """
        SELECT ordinal, event_id, position, stream_id, stream_version, recorded_at, hash, replayed
        FROM rcm.append_events_each($1::uuid, $2::text[], $3::uuid[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[],
                                    $8::date[], $9::text[])
        """)

    /// Appends each event as its own append under its own idempotency key, all in one call under the tenant's lock
    /// (`rcm.append_events_each`, V0023): an event whose key is already used, or repeats an earlier key of the call,
    /// appends nothing and answers with the key's first event, `replayed`. One result per event, in order.
    public static func appendEach(tenant: TenantID, _ events: [KeyedEvent], in session: DatabaseSession) throws -> [KeyedAppended] {
        guard !events.isEmpty else { return [] }
        let parameters: [SQLParameter] = [
            tenant.sqlParameter,
            SQLParameter.textArray(events.map(\.event.streamID)),
            SQLParameter.textArray(events.map { $0.event.eventID.uuidString.lowercased() }),
            SQLParameter.textArray(events.map(\.event.eventType)),
            SQLParameter.textArray(events.map { String($0.event.schemaVersion) }),
            SQLParameter.textArray(events.map(\.event.payload.text)),
            SQLParameter.textArray(events.map(\.event.metadata.jsonText)),
            SQLParameter.textArray(events.map(\.event.effectiveDate)),
            SQLParameter.textArray(events.map(\.idempotencyKey)),
        ]
        let result: QueryResult
        do {
            result = try session.query(appendEachSQL, parameters)
        } catch let error as PostgresError {
            throw translate(error, tenant: tenant)
        }
        let appended = try result.rows.map { row in
            KeyedAppended(
                event: AppendedEvent(
                    eventID: try row.decode("event_id"), position: try row.decode("position"), streamID: try row.decode("stream_id"),
                    streamVersion: try row.decode("stream_version"), recordedAt: try row.decode("recorded_at"), hash: try row.decode("hash")),
                replayed: try row.decode("replayed"))
        }
        guard appended.count == events.count else {
            throw EventStoreError.invalidRequest("append_events_each answered \(appended.count) rows for \(events.count) events")
        }
        return appended
    }

    static let keysUsedSQL = SQL("event_keys_used", "SELECT key FROM rcm.idempotency_keys WHERE tenant_id = $1 AND key = ANY ($2::text[])")

    /// Which of these idempotency keys have been used in the tenant's log (one query for all of them).
    public static func usedKeys(tenant: TenantID, among keys: [String], in session: DatabaseSession) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let rows = try session.query(keysUsedSQL, [tenant.sqlParameter, SQLParameter.textArray(keys)]).rows
        return Set(try rows.map { try $0.decode("key", as: String.self) })
    }
}
