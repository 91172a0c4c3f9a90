import Foundation
import Postgres
import Synchronization

/// Wakes the log's followers after appends commit.
///
/// NOTIFY takes a cluster-wide lock through the commit of the transaction that sends it, so it is never
/// sent inside an append: `appended(tenant)` is called after the commit and is coalesced — at most one
/// notification per tenant per `interval`, sent on the notifier's own connection. Followers also poll,
/// so a lost wake-up only delays them.
public final class WakeupNotifier: Sendable {
    /// The channel followers LISTEN on; the payload is the tenant id.
    public static let channel = "rcm_events"

    private struct State {
        var pending: Set<TenantID> = []
        var flushScheduled = false
        var sent = 0
    }

    private let settings: ConnectionSettings
    private let interval: Duration
    private let state = Mutex(State())
    private let connection = Mutex<Connection?>(nil)

    /// A notifier that connects with `settings` on first use.
    public init(settings: ConnectionSettings, interval: Duration = .milliseconds(5)) {
        self.settings = settings
        self.interval = interval
    }

    /// Notifications sent so far (for the benchmark's separate cost of wake-ups).
    public var sentCount: Int { state.withLock { $0.sent } }

    /// Records that the tenant's log grew; a notification follows within `interval`.
    public func appended(_ tenant: TenantID) {
        let schedule = state.withLock { state -> Bool in
            state.pending.insert(tenant)
            if state.flushScheduled { return false }
            state.flushScheduled = true
            return true
        }
        guard schedule else { return }
        Task.detached { [self] in
            try? await Task.sleep(for: interval)
            try? await flush()
        }
    }

    /// Sends what is pending now.
    public func flush() async throws {
        let tenants = state.withLock { state -> [TenantID] in
            let tenants = Array(state.pending)
            state.pending.removeAll()
            state.flushScheduled = false
            state.sent += tenants.count
            return tenants
        }
        guard !tenants.isEmpty else { return }
        let connection = try await openConnection()
        do {
            try await connection.run { session in
                for tenant in tenants { try session.notify(Self.channel, payload: tenant.description) }
            }
        } catch let error as PostgresError where error.kind == .connection {
            // The database restarted under the notifier: the next flush opens a new connection (followers poll).
            self.connection.withLock { if $0 === connection { $0 = nil } }
            throw error
        }
    }

    private func openConnection() async throws -> Connection {
        if let existing = connection.withLock({ $0 }) { return existing }
        let opened = try await Connection.connect(settings)
        return connection.withLock { current in
            if let current { return current }
            current = opened
            return opened
        }
    }
}
