import EventStore
import Foundation
import Postgres

/// Rebuilds the projection's tables from the log into a session's temporary tables, as of a business
/// date (events with `effective_date ≤ D`) and/or as known at a time (events with `recorded_at ≤ T`).
/// Reports then read those tables instead of the live ones. Must run inside a transaction: the tables
/// are dropped at commit.
public enum AsOfReplay {
    /// Every projection table, empty, as a temporary table of this transaction.
    static let createSQL = SQL(
        "proj_asof_create",
        ProjectionTables.replayedBaseNames.map { name in
            "CREATE TEMP TABLE IF NOT EXISTS \(name)_asof (LIKE rcm_analytics_store.\(name) INCLUDING ALL) ON COMMIT DROP;"
        }.joined(separator: "\n"), prepared: false)

    /// Replays the tenants' events into `ProjectionTables.temporary`; returns the events applied.
    @discardableResult
    public static func materialize(
        tenants: [TenantID], asOf: String?, knownAt: Date?, batchSize: Int = 5000, in session: DatabaseSession
    ) throws -> Int {
        try session.executeScript(createSQL.text, name: createSQL.name)
        var applied = 0
        for tenant in tenants {
            let head = try EventLog.headPosition(tenant: tenant, in: session)
            var position: Int64 = 0
            while true {
                let events = try LogReader.batch(
                    tenant: tenant, after: position, upTo: head, limit: batchSize, asOf: asOf, knownAt: knownAt,
                    in: session)
                try BatchApplier.apply(events, tenant: tenant.description, to: .temporary, in: session)
                applied += events.count
                guard events.count == batchSize, let last = events.last else { break }
                position = last.position
            }
        }
        return applied
    }
}
