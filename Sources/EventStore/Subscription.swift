import Foundation
import Postgres

/// A named consumer of a tenant's log with a stored checkpoint (`Checkpoints`).
///
/// Each batch is handled and the checkpoint advanced in one transaction, so a consumer that fails
/// part-way resumes after the last committed batch and handles nothing twice. Positions follow commit
/// order (design.md, invariant 1), so a consumer needs no gap detection.
public struct Subscription: Sendable {
    /// The consumer's name, e.g. `projection.claim_status`.
    public let consumer: String
    /// Events per batch.
    public let batchSize: Int
    /// Only these event types are handed to the consumer (the checkpoint still advances past others).
    public let types: [String]?
    /// Applied to events before they are handed on.
    public let upcasters: UpcasterRegistry

    /// Makes a subscription.
    public init(consumer: String, batchSize: Int = 1000, types: [String]? = nil, upcasters: UpcasterRegistry = .none) {
        self.consumer = consumer
        self.batchSize = batchSize
        self.types = types
        self.upcasters = upcasters
    }

    /// The consumer's stored checkpoints.
    public var checkpoints: Checkpoints { Checkpoints(consumer: consumer) }

    /// The consumer's checkpoint for a tenant (0 before its first batch).
    public func checkpoint(tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try checkpoints.read(tenant: tenant, in: session)
    }

    /// Handles at most one batch after the checkpoint, in one transaction with the checkpoint's advance.
    /// The checkpoint row is locked for the transaction, so two runners of one consumer take turns.
    /// Returns how many events the batch held (0: caught up).
    @discardableResult
    public func processBatch(
        tenant: TenantID, in session: DatabaseSession, handler: (DatabaseSession, [RecordedEvent]) throws -> Void
    ) throws -> Int {
        let checkpoints = checkpoints
        return try session.withTransaction { session in
            let from = try checkpoints.lock(tenant: tenant, in: session)
            let events = try EventLog.readLog(tenant: tenant, after: from, limit: batchSize, in: session)
            guard let last = events.last else { return 0 }
            let wanted = try (types.map { types in events.filter { types.contains($0.eventType) } } ?? events)
                .map(upcasters.upcast)
            if !wanted.isEmpty { try handler(session, wanted) }
            try checkpoints.advance(tenant: tenant, to: last.position, in: session)
            return events.count
        }
    }

    /// Handles batches until caught up; returns the number of events read.
    @discardableResult
    public func catchUp(
        tenant: TenantID, in session: DatabaseSession, handler: (DatabaseSession, [RecordedEvent]) throws -> Void
    ) throws -> Int {
        var total = 0
        while true {
            let count = try processBatch(tenant: tenant, in: session, handler: handler)
            total += count
            if count < batchSize { return total }
        }
    }
}
