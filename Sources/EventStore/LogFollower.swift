import Foundation
import Postgres

/// Follows tenants' logs live for one subscription: catches up, then waits for a wake-up on
/// `WakeupNotifier.channel` or for the polling interval, whichever comes first, and catches up again.
public struct LogFollower: Sendable {
    /// The subscription to advance.
    public let subscription: Subscription
    /// The longest wait between polls when no wake-up arrives.
    public let pollInterval: Duration

    /// Makes a follower.
    public init(subscription: Subscription, pollInterval: Duration = .milliseconds(500)) {
        self.subscription = subscription
        self.pollInterval = pollInterval
    }

    /// Runs until `shouldStop` returns true, then catches up once more and returns. `handler` runs inside each
    /// batch's transaction. Uses two connections of its own: one listens, one reads and writes.
    public func follow(
        tenants: [TenantID], settings: ConnectionSettings,
        shouldStop: @escaping @Sendable () -> Bool,
        handler: @escaping @Sendable (DatabaseSession, [RecordedEvent]) throws -> Void
    ) async throws {
        let listener = try await Connection.connect(settings)
        let worker = try await Connection.connect(settings)
        try await listener.run { try $0.listen(WakeupNotifier.channel) }
        let subscription = subscription
        let pollInterval = pollInterval
        while true {
            // Read the flag before catching up, so the last round sees everything committed before it was set.
            let lastRound = shouldStop()
            try await worker.run { session in
                for tenant in tenants { try subscription.catchUp(tenant: tenant, in: session, handler: handler) }
            }
            if lastRound { return }
            _ = try await listener.run { session in try session.waitForNotifications(timeout: pollInterval) }
        }
    }
}
