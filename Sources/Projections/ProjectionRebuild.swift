import EventStore
import Foundation
import Postgres

/// Progress of a rebuild, measured in log positions (every event of every tenant).
public struct RebuildProgress: Sendable, Equatable {
    /// Positions replayed so far.
    public var done: Int64
    /// Positions to replay (the tenants' heads when the rebuild started).
    public var total: Int64
    /// Seconds since the rebuild started.
    public var elapsed: Double

    /// Events per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
    /// Estimated seconds left, when a rate is known.
    public var remaining: Double? { rate > 0 ? Double(max(0, total - done)) / rate : nil }
}

/// Replays the log from zero into new tables beside the live ones, then switches atomically: readers
/// never see a half-built table, and the analyst views, grants and policies keep working (the views are
/// repointed and the new tables were secured like the old ones when they were made).
///
/// Memory stays bounded by the batch size. Needs an owner login: a rebuild must see every tenant.
public struct ProjectionRebuild: Sendable {
    /// Events per transaction.
    public let batchSize: Int

    /// A rebuild with a batch size.
    public init(batchSize: Int = 5000) { self.batchSize = batchSize }

    static let beginSQL = SQL("proj_rebuild_begin", "SELECT rcm_analytics_store.begin_rebuild()", prepared: false)
    static let finishSQL = SQL("proj_rebuild_finish", "SELECT rcm_analytics_store.finish_rebuild()", prepared: false)

    /// Makes the empty rebuild tables and replays every tenant into them, without switching.
    /// Returns the positions replayed.
    @discardableResult
    public func replay(in session: DatabaseSession, progress: ((RebuildProgress) -> Void)? = nil) throws -> Int64 {
        try session.query(Self.beginSQL)
        let tenants = try TenantDirectory.list(in: session)
        var heads: [TenantID: Int64] = [:]
        for tenant in tenants { heads[tenant.id] = try EventLog.headPosition(tenant: tenant.id, in: session) }
        let total = heads.values.reduce(0, +)
        let clock = ContinuousClock()
        let start = clock.now
        var finished: Int64 = 0
        let runner = ProjectionRunner(tables: .rebuild, batchSize: batchSize)
        for tenant in tenants {
            try runner.catchUp(tenant: tenant.id, in: session) { step in
                let elapsed = start.duration(to: clock.now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                progress?(RebuildProgress(done: finished + min(step.position, heads[tenant.id] ?? step.position), total: total, elapsed: seconds))
            }
            finished += heads[tenant.id] ?? 0
        }
        return finished
    }

    /// The switch reads the rebuild tables and then alters them, all as one role on one connection per node: an
    /// owner acts as the owner role itself (the definer's DDL and the catch-up's reads must not be two users' on
    /// Citus, SQLSTATE 25001), and multi-shard reads stay sequential so that no shard is read over two
    /// connections before the DDL (on a single PostgreSQL the Citus setting is merely unused).
    static let oneConnectionSQL = SQL(
        "proj_rebuild_one_connection",
        "SELECT set_config('citus.multi_shard_modify_mode', 'sequential', true), "
            + "CASE WHEN rcm.acts_in('rcm_owner') THEN set_config('role', 'rcm_owner', true) END", prepared: false)

    /// Catches the rebuild tables up to the heads and switches them in, in one transaction.
    public func switchOver(in session: DatabaseSession) throws {
        try session.withTransaction { session in
            try session.query(Self.oneConnectionSQL)
            let runner = ProjectionRunner(tables: .rebuild, batchSize: batchSize)
            for tenant in try TenantDirectory.list(in: session) { try runner.catchUp(tenant: tenant.id, in: session) }
            try session.query(Self.finishSQL)
        }
    }

    /// Replays and switches, refusing to start while another rebuild runs.
    public func run(in session: DatabaseSession, progress: ((RebuildProgress) -> Void)? = nil) throws -> Int64 {
        try Self.lock(session)
        defer { Self.unlock(session) }
        let done = try replay(in: session, progress: progress)
        try switchOver(in: session)
        return done
    }

    static let lockKey: Int64 = 0x5243_4D5F_5245_4231  // "RCM_REB1"
    static let lockSQL = SQL("proj_rebuild_lock", "SELECT pg_try_advisory_lock($1) AS ok", prepared: false)
    static let unlockSQL = SQL("proj_rebuild_unlock", "SELECT pg_advisory_unlock($1)", prepared: false)

    /// Takes the session-level rebuild lock, or throws when another rebuild holds it.
    static func lock(_ session: DatabaseSession) throws {
        guard try session.query(lockSQL, [lockKey]).first?.decode("ok", as: Bool.self) == true else {
            throw ProjectionError.unsupported("another rebuild is running; try again when it has switched")
        }
    }

    static func unlock(_ session: DatabaseSession) {
        _ = try? session.query(unlockSQL, [lockKey])
    }
}
