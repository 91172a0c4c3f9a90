import Foundation
import Postgres

extension EventLog {
    static func logShapes(_ name: String, columns: String) -> StatementShapes {
        StatementShapes(
            name: name, fixed: 3,
            head: "SELECT " + columns + " FROM rcm.events WHERE tenant_id = $1 AND position > $2",
            filters: [
                .init(tag: "through") { "position <= $\($0)" },
                .init(tag: "types") { "event_type = ANY($\($0)::text[])" },
                .init(tag: "asof") { "effective_date <= $\($0)::date" },
                .init(tag: "known") { "recorded_at <= $\($0)::timestamptz" },
                .init(tag: "payload") { "payload @> $\($0)::jsonb" },
            ],
            tail: "ORDER BY position LIMIT $3")
    }

    static let logShapes = logShapes("event_log_read", columns: RecordedEvent.columns)
    static let entryShapes = logShapes("event_entries_read", columns: LogEntry.columns)

    /// Reads one batch of a tenant's log after a position, in position order. Call again with the last
    /// position to continue; memory stays bounded by `limit`.
    ///
    /// - Parameters:
    ///   - head: read no further than this position (a head read earlier, so that a batch never runs past it).
    ///   - types: only these event types.
    ///   - asOf: only events whose business date is on or before this day (`YYYY-MM-DD`).
    ///   - knownAt: only events recorded at or before this time.
    ///   - payloadContaining: only events whose payload contains this JSON document (`payload @> doc`).
    public static func readLog(
        tenant: TenantID, after position: Int64, through head: Int64? = nil, limit: Int = 1000, types: [String]? = nil,
        asOf: String? = nil, knownAt: Date? = nil, payloadContaining document: JSONText? = nil,
        upcasters: UpcasterRegistry = .none, in session: DatabaseSession
    ) throws -> [RecordedEvent] {
        let (sql, parameters) = logShapes.bind(
            [tenant.sqlParameter, position.sqlParameter, limit.sqlParameter],
            [
                head?.sqlParameter, types.map(SQLParameter.textArray), asOf?.sqlParameter, knownAt?.sqlParameter,
                document?.sqlParameter,
            ])
        return try records(session.query(sql, parameters), upcasters)
    }

    /// `readLog` for folds that need only each event's position, type, schema version, payload and business
    /// date: the same batches and filters, without the columns a fold does not read.
    public static func readLogEntries(
        tenant: TenantID, after position: Int64, through head: Int64? = nil, limit: Int = 1000, types: [String]? = nil,
        asOf: String? = nil, knownAt: Date? = nil, payloadContaining document: JSONText? = nil,
        upcasters: UpcasterRegistry = .none, in session: DatabaseSession
    ) throws -> [LogEntry] {
        let (sql, parameters) = entryShapes.bind(
            [tenant.sqlParameter, position.sqlParameter, limit.sqlParameter],
            [
                head?.sqlParameter, types.map(SQLParameter.textArray), asOf?.sqlParameter, knownAt?.sqlParameter,
                document?.sqlParameter,
            ])
        let rows = try session.query(sql, parameters)
        var entries: [LogEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows.rows { entries.append(try upcasters.upcast(LogEntry(row: row))) }
        return entries
    }

    static let headPositionSQL = SQL("event_head_position", "SELECT position FROM rcm.log_heads WHERE tenant_id = $1")

    /// The tenant's last committed position: every position up to it is committed and visible. 0 when the
    /// tenant has no log or this login may not see it.
    public static func headPosition(tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try session.query(headPositionSQL, [tenant]).first?.decode("position") ?? 0
    }

    static let byTypeShapes = StatementShapes(
        name: "event_by_type", fixed: 3,
        head: "SELECT " + RecordedEvent.columns + " FROM rcm.events WHERE event_type = ANY($1::text[]) AND tenant_id = ANY($2::uuid[])",
        filters: [
            .init(tag: "user") { "db_user = $\($0)" },
            .init(tag: "since") { "recorded_at >= $\($0)::timestamptz" },
            .init(tag: "payload") { "payload @> $\($0)::jsonb" },
        ],
        tail: "ORDER BY recorded_at, tenant_id, position LIMIT $3")

    /// Events of some types across several tenants (those this login may see), ordered by `recorded_at`, then
    /// tenant, then position.
    ///
    /// - Parameters:
    ///   - dbUser: only events appended by this database login.
    ///   - recordedSince: only events recorded at or after this time (for a day, its midnight UTC).
    ///   - payloadContaining: only events whose payload contains this JSON document (`payload @> doc`).
    ///   - limit: at most this many events (nil: all).
    public static func readEvents(
        ofTypes types: [String], tenants: [TenantID], dbUser: String? = nil, recordedSince: Date? = nil,
        payloadContaining document: JSONText? = nil, limit: Int? = nil, upcasters: UpcasterRegistry = .none,
        in session: DatabaseSession
    ) throws -> [RecordedEvent] {
        guard !tenants.isEmpty else { return [] }
        let (sql, parameters) = byTypeShapes.bind(
            [SQLParameter.textArray(types), SQLParameter.textArray(tenants.map(\.description)), limit.sqlParameter],
            [dbUser?.sqlParameter, recordedSince?.sqlParameter, document?.sqlParameter])
        return try records(session.query(sql, parameters), upcasters)
    }

    static let newestByTypeShapes = StatementShapes(
        name: "event_newest_by_type", fixed: 3,
        head: "SELECT " + RecordedEvent.columns + " FROM rcm.events WHERE tenant_id = $1 AND event_type = ANY($2::text[])",
        filters: [
            .init(tag: "user") { "db_user = $\($0)" },
            .init(tag: "since") { "recorded_at >= $\($0)::timestamptz" },
            .init(tag: "payload") { "payload @> ANY($\($0)::jsonb[])" },
        ],
        tail: "ORDER BY position DESC LIMIT $3")

    /// A tenant's newest `limit` events of some types, newest first: one backward range of the type index, however
    /// long the log (a page of the access trail).
    ///
    /// - Parameters:
    ///   - dbUser: only events appended by this database login.
    ///   - recordedSince: only events recorded at or after this time.
    ///   - payloadContainingAny: when not empty, only events whose payload contains one of these JSON documents.
    public static func readNewestEvents(
        ofTypes types: [String], tenant: TenantID, dbUser: String? = nil, recordedSince: Date? = nil,
        payloadContainingAny documents: [JSONText] = [], limit: Int, upcasters: UpcasterRegistry = .none, in session: DatabaseSession
    ) throws -> [RecordedEvent] {
        let (sql, parameters) = newestByTypeShapes.bind(
            [tenant.sqlParameter, SQLParameter.textArray(types), SQLParameter(text: String(limit))],
            [dbUser?.sqlParameter, recordedSince?.sqlParameter, documents.isEmpty ? nil : SQLParameter.textArray(documents.map(\.text))])
        return try records(session.query(sql, parameters), upcasters)
    }

    static let firstMatchingSQL = SQL(
        "event_first_matching",
        "SELECT " + RecordedEvent.columns
            + " FROM rcm.events WHERE tenant_id = $1 AND event_type = $2 AND payload @> ANY($3::jsonb[]) ORDER BY position LIMIT 1")

    /// The tenant's first event of a type whose payload contains any of `documents` (`payload @> doc`), e.g.
    /// the event that opened a stream, found by a business key: `[{"claimNumber": "RC-7"}, {"claimID": "RC-7"}]`.
    public static func firstEvent(
        tenant: TenantID, type: String, payloadContainingAny documents: [JSONText], upcasters: UpcasterRegistry = .none,
        in session: DatabaseSession
    ) throws -> RecordedEvent? {
        guard !documents.isEmpty else { return nil }
        let parameters = [tenant.sqlParameter, type.sqlParameter, SQLParameter.textArray(documents.map(\.text))]
        return try records(session.query(firstMatchingSQL, parameters), upcasters).first
    }

    /// The rows as events, upcast.
    static func records(_ rows: QueryResult, _ upcasters: UpcasterRegistry) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(rows.count)
        for row in rows.rows { events.append(try upcasters.upcast(RecordedEvent(row: row))) }
        return events
    }
}
