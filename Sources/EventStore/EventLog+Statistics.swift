import Foundation
import Postgres

/// How many events of a type a tenant holds, optionally per value of one payload key.
public struct EventCount: Sendable, Hashable {
    /// The tenant.
    public let tenant: TenantID
    /// The payload key's value (as text), when counts were grouped by one.
    public let key: String?
    /// The number of events.
    public let count: Int64

    /// Makes a count.
    public init(tenant: TenantID, key: String?, count: Int64) {
        self.tenant = tenant
        self.key = key
        self.count = count
    }
}

extension EventLog {
    static let countsByTypeSQL = SQL(
        "event_counts_by_type", "SELECT event_type, count(*) AS n FROM rcm.events GROUP BY event_type")

    /// The number of events of each type across every tenant this login may see (a whole-table scan: for
    /// benchmarks and maintenance, not for requests).
    public static func countsByType(in session: DatabaseSession) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for row in try session.query(countsByTypeSQL).rows { counts[try row.decode("event_type")] = try row.decode("n") }
        return counts
    }

    static let countsByTenantSQL = SQL(
        "event_counts_by_tenant",
        """
        SELECT tenant_id, payload ->> $2::text AS key, count(*) AS n FROM rcm.events WHERE event_type = $1
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2
        """)

    /// The number of events of a type in each tenant this login may see, most first; with a payload key,
    /// per tenant and value of that key (`payload ->> key`). A scan of the type's events: for benchmarks and
    /// maintenance, not for requests.
    public static func countsByTenant(
        type: String, groupedByPayloadKey key: String? = nil, in session: DatabaseSession
    ) throws -> [EventCount] {
        try session.query(countsByTenantSQL, [type, key]).rows.map { row in
            EventCount(tenant: try row.decode("tenant_id"), key: try row.decodeIfPresent("key"), count: try row.decode("n"))
        }
    }

    /// Vacuums and analyzes the log's table (after a bulk load). Runs outside a transaction.
    public static func vacuumAnalyze(in session: DatabaseSession) throws {
        try session.executeScript("VACUUM ANALYZE " + tableName, name: "event_vacuum_analyze")
    }

    static let copyAllSQL = SQL(
        "event_copy_all",
        """
        COPY (SELECT tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version, payload,
                     metadata, effective_date, recorded_at, db_user, hash FROM rcm.events) TO STDOUT
        """, prepared: false)

    /// Streams every stored column of every event this login may see as COPY text (one chunk per row,
    /// usually): the raw read rate, a rebuild's limit. Returns the bytes read.
    @discardableResult
    public static func copyAll(in session: DatabaseSession, _ consume: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        try session.copyOut(copyAllSQL, consume)
    }
}
