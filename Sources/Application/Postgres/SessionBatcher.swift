import Billing
import EventStore
import Foundation
import Postgres

/// Group commit of session logs (issue 17 item 6): requests of one practice that arrive while a
/// transaction of that practice is running wait and go together into the next one, each in its own
/// savepoint, acting as its own role, with its own idempotency key and its own answer or error. One that
/// fails rolls back to its savepoint and fails alone; one that lost a race (a conflict) runs again on its
/// own through the ordinary path (`logSession`, with its conflict retries). If the batch's transaction
/// itself fails, every command of it runs again on its own, so nothing depends on the batch having
/// committed. There is no waiting to fill a batch: a lone request runs at once.
public actor SessionBatcher {
    struct Pending: Sendable {
        let record: SessionRecord
        let role: String
        let key: String
        let source: String
        let continuation: CheckedContinuation<Bool, Error>
    }

    private let base: PostgresBackend
    private let notes: @Sendable (String) -> Void
    private var queues: [String: [Pending]] = [:]
    private var draining: Set<String> = []
    /// The most commands in one transaction.
    public let maximumBatch: Int
    /// Commands by the size of the transaction they committed in (for the benchmark and metrics).
    public private(set) var batchSizes: [Int: Int] = [:]

    init(base: PostgresBackend, notes: @escaping @Sendable (String) -> Void, maximumBatch: Int) {
        self.base = base
        self.notes = notes
        self.maximumBatch = maximumBatch
    }

    /// Logs one session for `role` in the practice `tenant` (an id or slug as the role sees it); false when
    /// the idempotency key was used before (nothing logged), as `RevenueCycle.logSession`.
    public func logSession(_ record: SessionRecord, tenant: String, role: String, idempotencyKey: String, source: String = "api") async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            queues[tenant, default: []].append(Pending(record: record, role: role, key: idempotencyKey, source: source, continuation: continuation))
            if !draining.contains(tenant) {
                draining.insert(tenant)
                Task { await self.drain(tenant) }
            }
        }
    }

    private func next(_ tenant: String) -> [Pending]? {
        guard let queue = queues[tenant], !queue.isEmpty else {
            queues[tenant] = nil
            draining.remove(tenant)
            return nil
        }
        let batch = Array(queue.prefix(maximumBatch))
        queues[tenant] = Array(queue.dropFirst(batch.count))
        return batch
    }

    private func drain(_ tenant: String) async {
        while let batch = next(tenant) {
            let results = await Self.commit(batch, tenant: tenant, base: base)
            var alone: [Pending] = []
            var committed = 0
            for (pending, result) in zip(batch, results) {
                switch result {
                case .some(.success(let created)):
                    pending.continuation.resume(returning: created)
                    committed += 1
                case .some(.failure(let error)): pending.continuation.resume(throwing: error)
                case .none: alone.append(pending)
                }
            }
            if committed > 0 {
                batchSizes[batch.count, default: 0] += committed
                let role = batch[0].role
                if let tenantID = try? await base.acting(as: role).withTransaction({ try TenantDirectory.find(tenant, in: $0)?.id }),
                    let note = await base.acting(as: role).afterCommit(tenants: [tenantID])
                {
                    notes(note)
                }
            }
            for pending in alone {
                let core = RevenueCycle(backend: base.acting(as: pending.role), notes: notes)
                do {
                    let created = try await core.logSession(pending.record, tenant: tenant, idempotencyKey: pending.key, source: pending.source)
                    pending.continuation.resume(returning: created)
                } catch {
                    pending.continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs a batch in one transaction: per command its result, or nil for one to run again on its own (a
    /// conflict, or the whole transaction failed).
    static func commit(_ batch: [Pending], tenant: String, base: PostgresBackend) async -> [Result<Bool, Error>?] {
        let work = batch.map { ($0.record, $0.role, $0.key, $0.source) }
        do {
            return try await base.withTransaction { session in
                var results: [Result<Bool, Error>?] = []
                for (record, role, key, source) in work {
                    do {
                        try session.query(PostgresBackend.actAsSQL, [role])
                        let created = try session.withTransaction { session in
                            let tx = base.acting(as: role).storeTransaction(on: session)
                            let practice = try RevenueCycle.resolve(tenant, in: tx)
                            let context = CommandContext(
                                tenant: practice, actor: role, source: source, today: CommandContext.today(in: practice.timeZone))
                            if try tx.log.isKeyUsed(tenant: practice.id, key: key) { return false }
                            let state = try PracticeService().state(context, in: tx)
                            return try SessionService().log(record, context: context, practice: state, idempotencyKey: key, in: tx)
                        }
                        results.append(.success(created))
                    } catch where ConflictRetry.isConflict(error) {
                        results.append(nil)
                    } catch {
                        results.append(.failure(error))
                    }
                }
                return results
            }
        } catch {
            return batch.map { _ in nil }
        }
    }
}

extension RevenueCycle {
    /// A group committer of session logs over this core's PostgreSQL pool (the server's).
    public func sessionBatcher(maximumBatch: Int = 32) throws -> SessionBatcher {
        SessionBatcher(base: try postgres, notes: notes, maximumBatch: maximumBatch)
    }
}
