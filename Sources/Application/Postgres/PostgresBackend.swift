import EventStore
import Foundation
import Postgres
import Projections

/// The application core's record in PostgreSQL: the connection (or pool) for a command's transactions, a
/// second connection opened for the interchange counter (its short transaction must not be the command's),
/// and, for the server, the role every transaction acts as (decision 0006).
public final class PostgresBackend: Backend {
    /// Where connections come from: the command line's one connection, or the server's pool.
    enum Source: Sendable {
        case connection(Connection)
        case pool(ConnectionPool)
    }

    let source: Source
    let settings: ConnectionSettings
    /// The role each transaction begins by setting (`set_config('role', $1, true)`), when the login acts for
    /// someone else (the server's login for a signed-in person or an API key); nil acts as the login itself.
    let actingRole: String?
    /// What unwraps the practices' data keys (the operator's key ring); nil when none is configured, and then
    /// every read or write of PHI is refused with a sentence that says so.
    let wrapping: (any DataKeyWrapping)?
    /// How the PHI store writes: sealed, except in the benchmark's baseline.
    let format: PHIFormat

    /// Connects with libpq settings and the operator's key ring.
    public static func connect(_ settings: ConnectionSettings, wrapping: (any DataKeyWrapping)?) async throws -> PostgresBackend {
        PostgresBackend(source: .connection(try await Connection.connect(settings)), settings: settings, actingRole: nil, wrapping: wrapping, format: .sealed)
    }

    /// Connects writing PHI in `format`: the benchmark's baseline only (`PHIFormat.clearBaseline`).
    @_spi(Benchmark)
    public static func connect(_ settings: ConnectionSettings, wrapping: (any DataKeyWrapping)?, format: PHIFormat) async throws -> PostgresBackend {
        PostgresBackend(source: .connection(try await Connection.connect(settings)), settings: settings, actingRole: nil, wrapping: wrapping, format: format)
    }

    /// A backend over a pool (the server's), acting as `actingRole` in every transaction when given.
    public static func pooled(_ pool: ConnectionPool, actingRole: String?, wrapping: (any DataKeyWrapping)?) -> PostgresBackend {
        PostgresBackend(source: .pool(pool), settings: pool.settings, actingRole: actingRole, wrapping: wrapping, format: .sealed)
    }

    init(source: Source, settings: ConnectionSettings, actingRole: String?, wrapping: (any DataKeyWrapping)?, format: PHIFormat) {
        self.source = source
        self.settings = settings
        self.actingRole = actingRole
        self.wrapping = wrapping
        self.format = format
    }

    /// The same record, acting as another role.
    func acting(as role: String) -> PostgresBackend {
        PostgresBackend(source: source, settings: settings, actingRole: role, wrapping: wrapping, format: format)
    }

    static let actAsSQL = SQL("act_as_role", "SELECT set_config('role', $1, true)")
    /// An owner's administration acts as `rcm_owner` itself (decision 0013); anyone else stays as they are.
    static let actAsOwnerSQL = SQL(
        "act_as_owner", "SELECT CASE WHEN rcm.acts_in('rcm_owner') THEN set_config('role', 'rcm_owner', true) END AS role")

    /// Lends a connection: the command line's own, or one from the pool.
    func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        switch source {
        case .connection(let connection): try await body(connection)
        case .pool(let pool): try await pool.withConnection(body)
        }
    }

    /// The one connection of a command-line backend (following the log needs a connection of its own).
    var connection: Connection {
        get throws {
            guard case .connection(let connection) = source else { throw CommandRejected("this needs a connection of its own, not the server's pool") }
            return connection
        }
    }

    /// Runs `body` in one transaction, first taking the acting role when there is one (then the owner role,
    /// for an owner's administration).
    func withTransaction<T: Sendable>(
        asOwner: Bool = false, _ body: @escaping @Sendable (DatabaseSession) throws -> T
    ) async throws -> T {
        let role = actingRole
        return try await withConnection { connection in
            try await connection.withTransaction { session in
                if let role { try session.query(Self.actAsSQL, [role]) }
                if asOwner { try session.query(Self.actAsOwnerSQL) }
                return try body(session)
            }
        }
    }

    /// A store transaction over `session` with this backend's role, keys and PHI format.
    func storeTransaction(on session: DatabaseSession) -> PostgresTransaction {
        PostgresTransaction(session: session, actingRole: actingRole, wrapping: wrapping, format: format)
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await withTransaction { [self] session in try body(storeTransaction(on: session)) }
    }

    /// Runs `body` on a connection without opening a transaction (reads, administration that manages its
    /// own); when acting for someone, inside one transaction as that role (its own transactions nest).
    func run<T: Sendable>(_ body: @escaping @Sendable (DatabaseSession) throws -> T) async throws -> T {
        if actingRole != nil { return try await withTransaction(body) }
        return try await withConnection { try await $0.run(body) }
    }

    public func ownerTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await withTransaction(asOwner: true) { [self] session in try body(storeTransaction(on: session)) }
    }

    public func afterCommit(tenants: [TenantID]) async -> String? {
        guard !tenants.isEmpty else { return nil }
        do {
            try await run { session in
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
        let role = actingRole
        return { sender in
            try connection.runBlocking { session in
                try session.withTransaction { session in
                    if let role { try session.query(Self.actAsSQL, [role]) }
                    return try session.query(Self.nextNumberSQL, [sender]).first!.decode("n", as: Int.self)
                }
            }
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
