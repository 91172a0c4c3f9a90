import Foundation
import Postgres

/// The event store for callers without a session of their own: appends and reads over a connection
/// pool, with wake-ups sent after each commit.
public final class EventStore: Sendable {
    /// The pool appends and reads use.
    public let pool: ConnectionPool
    /// Sends coalesced wake-ups after commits.
    public let notifier: WakeupNotifier
    /// Applied to events when they are read.
    public let upcasters: UpcasterRegistry

    /// An event store over a pool.
    public init(pool: ConnectionPool, upcasters: UpcasterRegistry = .none) {
        self.pool = pool
        self.notifier = WakeupNotifier(settings: pool.settings)
        self.upcasters = upcasters
    }

    /// Appends atomically, then wakes followers. The append is one statement (one call of the append
    /// function), atomic on its own, so it needs no BEGIN/COMMIT round trips of its own.
    public func append(_ request: AppendRequest) async throws -> AppendResult {
        let result = try await pool.withConnection { connection in
            try await connection.run { session in try EventLog.append(request, in: session) }
        }
        if !result.replayed { notifier.appended(request.tenant) }
        return result
    }

    /// Reads a stream.
    public func readStream(
        tenant: TenantID, stream: String, from version: Int64 = 1, direction: ReadDirection = .forward, limit: Int = 10_000
    ) async throws -> [RecordedEvent] {
        let upcasters = upcasters
        return try await pool.withConnection { connection in
            try await connection.run { session in
                try EventLog.readStream(
                    tenant: tenant, stream: stream, from: version, direction: direction, limit: limit,
                    upcasters: upcasters, in: session)
            }
        }
    }

    /// Reads one batch of a tenant's log after a position.
    public func readLog(tenant: TenantID, after position: Int64, limit: Int = 1000, types: [String]? = nil) async throws
        -> [RecordedEvent]
    {
        let upcasters = upcasters
        return try await pool.withConnection { connection in
            try await connection.run { session in
                try EventLog.readLog(tenant: tenant, after: position, limit: limit, types: types, upcasters: upcasters, in: session)
            }
        }
    }
}
