import Synchronization

/// A bounded pool of connections.
///
/// At most `maximum` connections are open; callers beyond that wait in order. A connection is checked
/// before it is lent: one that the server dropped (after a restart, say) is reset or replaced, so the
/// pool answers again once the server is back.
public final class ConnectionPool: Sendable {
    private struct State {
        var idle: [Connection] = []
        var open = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var closed = false
    }

    /// Where the connections go.
    public let settings: ConnectionSettings
    /// The most connections open at once.
    public let maximum: Int
    private let state = Mutex(State())

    /// Makes an empty pool; connections are opened on demand.
    public init(settings: ConnectionSettings, maximum: Int = 8) {
        precondition(maximum > 0)
        self.settings = settings
        self.maximum = maximum
    }

    /// Lends a healthy connection to `body` and takes it back afterwards.
    public func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = try await checkOut()
        do {
            let value = try await body(connection)
            await checkIn(connection)
            return value
        } catch {
            await checkIn(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a pooled connection.
    @discardableResult
    public func withTransaction<T: Sendable>(
        _ isolation: IsolationLevel = .readCommitted, _ body: @escaping @Sendable (DatabaseSession) throws -> T
    ) async throws -> T {
        try await withConnection { try await $0.withTransaction(isolation, body) }
    }

    /// Closes idle connections and refuses further use.
    public func close() {
        state.withLock { state in
            state.closed = true
            state.open -= state.idle.count
            state.idle.removeAll()
        }
    }

    private func checkOut() async throws -> Connection {
        while true {
            enum Step { case use(Connection), open, wait }
            let step: Step = state.withLock { state in
                if let connection = state.idle.popLast() { return .use(connection) }
                if state.open < maximum {
                    state.open += 1
                    return .open
                }
                return .wait
            }
            switch step {
            case .use(let connection):
                if try await healthy(connection) { return connection }
                release(slotOf: nil)
            case .open:
                do {
                    return try await Connection.connect(settings)
                } catch {
                    release(slotOf: nil)
                    throw error
                }
            case .wait:
                await withCheckedContinuation { continuation in
                    let resumeNow = state.withLock { state -> Bool in
                        if !state.idle.isEmpty || state.open < maximum { return true }
                        state.waiters.append(continuation)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
        }
    }

    private func healthy(_ connection: Connection) async throws -> Bool {
        try await connection.run { session in
            if session.isHealthy { return true }
            return session.reset()
        }
    }

    private func checkIn(_ connection: Connection) async {
        let reusable = (try? await connection.run { $0.isHealthy }) ?? false
        release(slotOf: reusable ? connection : nil)
    }

    private func release(slotOf connection: Connection?) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let connection, !state.closed {
                state.idle.append(connection)
            } else {
                state.open -= 1
            }
            return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
        }
        waiter?.resume()
    }
}
