import EventStore
import Foundation
import Postgres

/// Keeps the claims projection up to date: for each tenant, reads the log after the checkpoint in
/// batches and, per batch, writes the rows **and** the checkpoint in one transaction, so a crash at any
/// point leaves both as they were before the batch (exactly-once; restart anywhere).
public struct ProjectionRunner: Sendable {
    /// The tables written and the checkpoint consumer advanced.
    public let tables: ProjectionTables
    /// Events per transaction.
    public let batchSize: Int
    /// Called after the table writes and before the checkpoint, inside the transaction (tests inject failures).
    public let afterTableWrites: (@Sendable () throws -> Void)?

    /// A runner over the live tables by default.
    public init(
        tables: ProjectionTables = .live, batchSize: Int = 5000,
        afterTableWrites: (@Sendable () throws -> Void)? = nil
    ) {
        precondition(tables.consumer != nil, "a runner needs tables with a checkpoint consumer")
        self.tables = tables
        self.batchSize = batchSize
        self.afterTableWrites = afterTableWrites
    }

    /// The result of one batch.
    public struct Step: Sendable, Equatable {
        /// Events applied.
        public var applied: Int
        /// The checkpoint after the batch.
        public var position: Int64
        /// The log head seen.
        public var head: Int64
        /// True when the checkpoint has reached the head.
        public var caughtUp: Bool { position >= head }
    }

    /// Applies one batch for one tenant in one transaction.
    public func step(tenant: TenantID, in session: DatabaseSession) throws -> Step {
        let checkpoints = Checkpoints(consumer: tables.consumer!)
        return try session.withTransaction { session in
            let checkpoint = try checkpoints.lock(tenant: tenant, in: session)
            let head = try EventLog.headPosition(tenant: tenant, in: session)
            guard checkpoint < head else { return Step(applied: 0, position: checkpoint, head: head) }
            let events = try LogReader.batch(tenant: tenant, after: checkpoint, upTo: head, limit: batchSize, in: session)
            let reached = events.count == batchSize ? events.last!.position : head
            try BatchApplier.apply(events, tenant: tenant.description, to: tables, in: session)
            try afterTableWrites?()
            try checkpoints.advance(tenant: tenant, to: reached, in: session)
            return Step(applied: events.count, position: reached, head: head)
        }
    }

    /// Applies batches for one tenant until its checkpoint reaches the head; returns the events applied.
    @discardableResult
    public func catchUp(tenant: TenantID, in session: DatabaseSession, progress: ((Step) -> Void)? = nil) throws -> Int {
        var applied = 0
        while true {
            let step = try step(tenant: tenant, in: session)
            applied += step.applied
            progress?(step)
            if step.caughtUp { return applied }
        }
    }

    /// Catches up every tenant this login may see; returns the events applied.
    @discardableResult
    public func catchUpAll(in session: DatabaseSession) throws -> Int {
        try TenantDirectory.list(in: session).reduce(0) { $0 + (try catchUp(tenant: $1.id, in: session)) }
    }

    /// The channel the event store notifies after a commit (payload: the tenant id): `WakeupNotifier.channel`.
    public static var channel: String { WakeupNotifier.channel }

    /// Follows the log live until the task is cancelled: catches up everything, then waits for a
    /// notification on `WakeupNotifier.channel` (catching up the tenants named) or, after `pollInterval` without one,
    /// catches up every tenant (the fallback for lost or absent notifications).
    public func follow(
        _ connection: Connection, pollInterval: Duration = .seconds(5),
        onApplied: (@Sendable (Int) -> Void)? = nil
    ) async throws {
        let runner = self
        try await connection.run { session in
            try session.listen(Self.channel)
            let applied = try runner.catchUpAll(in: session)
            if applied > 0 { onApplied?(applied) }
        }
        while !Task.isCancelled {
            let wait = min(pollInterval, .seconds(1))
            var waited = Duration.zero
            var tenants = Set<String>()
            while tenants.isEmpty && waited < pollInterval && !Task.isCancelled {
                let notes = try await connection.run { session in try session.waitForNotifications(timeout: wait) }
                tenants.formUnion(notes.filter { $0.channel == Self.channel }.map(\.payload))
                waited += wait
            }
            if Task.isCancelled { break }
            let named = tenants
            let applied = try await connection.run { session -> Int in
                if named.isEmpty { return try runner.catchUpAll(in: session) }
                // Notifications are database-wide: skip practices this login may not see.
                let visible = Set(try TenantDirectory.list(in: session).map(\.id))
                var total = 0
                for tenant in named.compactMap(TenantID.init).sorted() where visible.contains(tenant) {
                    total += try runner.catchUp(tenant: tenant, in: session)
                }
                return total
            }
            if applied > 0 { onApplied?(applied) }
        }
    }
}
