import EventStore
import Foundation
import Postgres
import Projections

/// The application core's record in PostgreSQL: one connection for a command's transactions, a second one
/// opened for the interchange counter (its short transaction must not be the command's).
public final class PostgresBackend: Backend {
    let connection: Connection
    let settings: ConnectionSettings
    /// What unwraps the practices' data keys (the operator's key ring); nil when none is configured, and then
    /// every read or write of PHI is refused with a sentence that says so.
    let wrapping: (any DataKeyWrapping)?
    /// How the PHI store writes: sealed, except in the benchmark's baseline.
    let format: PHIFormat

    /// Connects with libpq settings and the operator's key ring.
    public static func connect(_ settings: ConnectionSettings, wrapping: (any DataKeyWrapping)?) async throws -> PostgresBackend {
        PostgresBackend(connection: try await Connection.connect(settings), settings: settings, wrapping: wrapping, format: .sealed)
    }

    /// Connects writing PHI in `format`: the benchmark's baseline only (`PHIFormat.clearBaseline`).
    @_spi(Benchmark)
    public static func connect(_ settings: ConnectionSettings, wrapping: (any DataKeyWrapping)?, format: PHIFormat) async throws -> PostgresBackend {
        PostgresBackend(connection: try await Connection.connect(settings), settings: settings, wrapping: wrapping, format: format)
    }

    init(connection: Connection, settings: ConnectionSettings, wrapping: (any DataKeyWrapping)?, format: PHIFormat) {
        self.connection = connection
        self.settings = settings
        self.wrapping = wrapping
        self.format = format
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        let wrapping = wrapping, format = format
        return try await connection.withTransaction { session in try body(PostgresTransaction(session: session, wrapping: wrapping, format: format)) }
    }

    /// Runs `body` on the connection without opening a transaction (reads, administration that manages its own).
    func run<T: Sendable>(_ body: @escaping @Sendable (DatabaseSession) throws -> T) async throws -> T {
        try await connection.run(body)
    }

    public func afterCommit(tenants: [TenantID]) async -> String? {
        guard !tenants.isEmpty else { return nil }
        do {
            try await connection.run { session in
                for tenant in tenants {
                    try session.notify(WakeupNotifier.channel, payload: tenant.description)
                    try ProjectionRunner().catchUp(tenant: tenant, in: session)
                }
            }
            return nil
        } catch {
            return "the analyst tables were not brought up to date (\(error)); rcm projections run catches up"
        }
    }

    static let nextNumberSQL = SQL("next_interchange_number", "SELECT rcm.next_interchange_number($1) AS n")

    public func interchangeCounter() async throws -> InterchangeCounter {
        let connection = try await Connection.connect(settings)
        return { sender in
            try connection.runBlocking { session in try session.query(Self.nextNumberSQL, [sender]).first!.decode("n", as: Int.self) }
        }
    }
}

/// The ports over a session the caller already holds (integration tests, tools that manage their own
/// transaction): every write joins the caller's transaction.
public enum PostgresStore {
    /// A store transaction over `session`, sealing PHI under `wrapping` (by default the key ring the
    /// environment or the checkout configures, `KeyRing.load`).
    public static func transaction(on session: DatabaseSession, wrapping: (any DataKeyWrapping)? = try? KeyRing.load()) -> any StoreTransaction {
        PostgresTransaction(session: session, wrapping: wrapping)
    }
}
