import Dispatch

/// An asynchronous handle on one `DatabaseSession`.
///
/// Every libpq call runs on the connection's own serial dispatch queue, so blocking network waits never
/// occupy Swift's cooperative thread pool. `@unchecked Sendable`: the session is touched only from that
/// queue, one closure at a time.
public final class Connection: @unchecked Sendable {
    private let box: SendableSession
    private let queue: DispatchQueue

    /// Wraps an open session.
    public init(session: DatabaseSession, label: String = "rcm.postgres") {
        self.box = SendableSession(session)
        self.queue = DispatchQueue(label: label)
    }

    /// Opens a connection with a libpq connection string or URL (off the cooperative pool).
    public static func connect(_ settings: ConnectionSettings) async throws -> Connection {
        let queue = DispatchQueue(label: "rcm.postgres.connect")
        let session = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SendableSession, Error>) in
            queue.async {
                continuation.resume(with: Result { SendableSession(try DatabaseSession(conninfo: settings.conninfo)) })
            }
        }
        return Connection(session: session.value)
    }

    /// Runs `body` with the session on the connection's queue.
    @discardableResult
    public func run<T: Sendable>(_ body: @escaping @Sendable (DatabaseSession) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [box] in
                continuation.resume(with: Result { try body(box.value) })
            }
        }
    }

    /// Runs `body` in a transaction on the connection's queue: commits on return, rolls back on a throw.
    @discardableResult
    public func withTransaction<T: Sendable>(
        _ isolation: IsolationLevel = .readCommitted, _ body: @escaping @Sendable (DatabaseSession) throws -> T
    ) async throws -> T {
        try await run { session in try session.withTransaction(isolation, body) }
    }

    /// Runs one statement and returns its rows.
    public func query(_ sql: SQL, _ parameters: [any SQLBindable] = []) async throws -> QueryResult {
        let encoded = parameters.map(\.sqlParameter)
        return try await run { session in try session.query(sql, encoded) }
    }

    /// Runs `body` synchronously on the connection's queue and waits for it (for code that is not async).
    public func runBlocking<T>(_ body: (DatabaseSession) throws -> T) rethrows -> T {
        try queue.sync { try body(box.value) }
    }
}

/// Carries a freshly opened session across the queue boundary before any other thread can see it.
struct SendableSession: @unchecked Sendable {
    let value: DatabaseSession
    init(_ value: DatabaseSession) { self.value = value }
}
