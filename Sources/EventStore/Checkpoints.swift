import Foundation
import Postgres

/// A consumer's checkpoints in tenants' logs (`rcm.checkpoints`), stored in the same transaction as the
/// consumer's own writes, so that a crash leaves both as they were: lock, read the log after the position,
/// write, advance, commit.
public struct Checkpoints: Sendable {
    /// The consumer's name, e.g. `claims` or `projection.claim_status`.
    public let consumer: String
    /// The clock stamped on each advance (a bound value: the database's clock is not read, for Citus).
    let now: @Sendable () -> Date

    /// A consumer's checkpoints; `clock` stamps `updated_at`.
    public init(consumer: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.consumer = consumer
        self.now = clock
    }

    static let readSQL = SQL(
        "checkpoint_read", "SELECT position FROM rcm.checkpoints WHERE tenant_id = $1 AND consumer = $2")
    static let lockSQL = SQL(
        "checkpoint_lock", "SELECT position FROM rcm.checkpoints WHERE tenant_id = $1 AND consumer = $2 FOR UPDATE")
    static let ensureSQL = SQL(
        "checkpoint_ensure",
        "INSERT INTO rcm.checkpoints (tenant_id, consumer, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING")
    static let advanceSQL = SQL(
        "checkpoint_advance", "UPDATE rcm.checkpoints SET position = $3, updated_at = $4 WHERE tenant_id = $1 AND consumer = $2")

    /// The checkpoint (0 before the first advance), without locking it.
    public func read(tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try session.query(Self.readSQL, [tenant, consumer]).first?.decode("position") ?? 0
    }

    /// Makes sure the checkpoint row exists and locks it until the transaction ends (call inside one), so two
    /// runners of one consumer take turns; returns the position.
    public func lock(tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        if let row = try session.query(Self.lockSQL, [tenant, consumer]).first { return try row.decode("position") }
        try session.execute(Self.ensureSQL, [tenant, consumer])
        guard let row = try session.query(Self.lockSQL, [tenant, consumer]).first else {
            throw EventStoreError.notPermitted(tenant)
        }
        return try row.decode("position")
    }

    /// Moves the checkpoint to `position`, in the caller's transaction (after `lock`).
    public func advance(tenant: TenantID, to position: Int64, in session: DatabaseSession) throws {
        let parameters: [any SQLBindable] = [tenant, consumer, position, now()]
        if try session.execute(Self.advanceSQL, parameters) == 0 {
            try session.execute(Self.ensureSQL, [tenant, consumer])
            try session.execute(Self.advanceSQL, parameters)
        }
    }
}
