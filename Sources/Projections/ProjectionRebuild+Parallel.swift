import EventStore
import Foundation
import Postgres
import Synchronization

extension ProjectionRebuild {
    /// Replays and switches with `jobs` connections, one practice at a time per connection (a log is
    /// per practice, so practices replay independently), then switches on the first connection.
    /// Progress is reported from whichever connection's queue finished a batch, one call at a time.
    @discardableResult
    public func run(
        settings: ConnectionSettings, jobs: Int, progress: (@Sendable (RebuildProgress) -> Void)? = nil
    ) async throws -> Int64 {
        let main = try await Connection.connect(settings)
        try await main.run { session in try Self.lock(session) }
        do {
            let done = try await replayAndSwitch(main, settings: settings, jobs: jobs, progress: progress)
            try await main.run { session in Self.unlock(session) }
            return done
        } catch {
            _ = try? await main.run { session in Self.unlock(session) }
            throw error
        }
    }

    private func replayAndSwitch(
        _ main: Connection, settings: ConnectionSettings, jobs: Int, progress: (@Sendable (RebuildProgress) -> Void)?
    ) async throws -> Int64 {
        let (tenants, heads) = try await main.run { session -> ([TenantID], [TenantID: Int64]) in
            try session.query(Self.beginSQL)
            let tenants = try TenantDirectory.list(in: session).map(\.id)
            var heads: [TenantID: Int64] = [:]
            for tenant in tenants { heads[tenant] = try EventLog.headPosition(tenant: tenant, in: session) }
            return (tenants, heads)
        }
        let tracker = ProgressTracker(total: heads.values.reduce(0, +), report: progress)
        let queue = TenantQueue(tenants.sorted { (heads[$0] ?? 0) > (heads[$1] ?? 0) })
        let batchSize = self.batchSize
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<max(1, jobs) {
                group.addTask {
                    let connection = index == 0 ? main : try await Connection.connect(settings)
                    let runner = ProjectionRunner(tables: .rebuild, batchSize: batchSize)
                    while let tenant = queue.next() {
                        try await connection.run { session in
                            var reached: Int64 = 0
                            try runner.catchUp(tenant: tenant, in: session) { step in
                                let position = min(step.position, heads[tenant] ?? step.position)
                                tracker.advance(by: position - reached)
                                reached = position
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await main.run { session in try self.switchOver(in: session) }
        return tracker.done
    }
}

/// Hands out practices to the replaying connections.
private final class TenantQueue: Sendable {
    private let tenants: Mutex<[TenantID]>

    init(_ tenants: [TenantID]) { self.tenants = Mutex(tenants.reversed()) }

    func next() -> TenantID? {
        tenants.withLock { $0.popLast() }
    }
}

/// Sums progress across connections and reports it serially (under the lock, one call at a time).
private final class ProgressTracker: Sendable {
    private let total: Int64
    private let report: (@Sendable (RebuildProgress) -> Void)?
    private let started = ContinuousClock.now
    private let finished = Mutex<Int64>(0)

    init(total: Int64, report: (@Sendable (RebuildProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    var done: Int64 { finished.withLock { $0 } }

    func advance(by count: Int64) {
        finished.withLock { finished in
            finished += count
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            report?(RebuildProgress(done: finished, total: total, elapsed: seconds))
        }
    }
}
