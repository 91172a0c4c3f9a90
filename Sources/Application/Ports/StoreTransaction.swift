import Billing
import EventStore
import Foundation

/// One transaction against the record, as the application core sees it: the log, the PHI store, the tenant
/// directory and the read models commands consult. Everything a command does goes through one of these, so
/// a command's rules run the same against PostgreSQL (`PostgresBackend`) and in memory (`InMemoryBackend`).
public protocol StoreTransaction: AnyObject {
    /// The login acting (the database's `session_user`, or the in-memory store's).
    var login: String { get }
    /// The event log.
    var log: any EventLogPort { get }
    /// The destroyable store of identifying data.
    var phi: any PHIStorePort { get }
    /// Tenants, logins and their assignments.
    var directory: any DirectoryPort { get }
    /// Read models (projections) a command consults instead of scanning the log.
    var readModels: any ReadModelPort { get }
    /// Runs `body` as a nested unit (a savepoint): its writes go when it throws, the outer work goes on.
    func nested<T>(_ body: () throws -> T) throws -> T
    /// Waits until no other retried command of the tenant is running, and holds the turn until this
    /// transaction ends (`ConflictRetry`: retries of one tenant take turns, so they cannot keep beating each other).
    func takeRetryTurn(tenant: TenantID) throws
}

/// Where the application core keeps its record: opens transactions and runs what follows a commit.
public protocol Backend: Sendable {
    /// Runs `body` in one transaction: all of its writes, or none.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T
    /// Runs `body` in one transaction of the company's administration: as the owner role itself when the login
    /// acts as an owner, so that every statement, the definer functions' writes to shared tables and the
    /// command's own reads, runs as one role (on Citus: one connection per node, decision 0013); otherwise as
    /// the login, whose rights the database checks as in `transaction`.
    func ownerTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T
    /// After a command committed: wake the log's followers and bring the analyst tables up to date for the
    /// tenants written to. Never undoes the command; returns a note when something could not be done.
    func afterCommit(tenants: [TenantID]) async -> String?
    /// A counter of interchange control numbers per sender, usable inside a transaction but committed outside
    /// it (a gap is harmless, a reuse is not).
    func interchangeCounter() async throws -> InterchangeCounter
}

extension Backend {
    /// One store keeps no roles apart: the owner's transaction is an ordinary one.
    public func ownerTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await transaction(body)
    }
}

/// Draws the next interchange control number of a sender (ISA13/GS06), committed on its own.
public typealias InterchangeCounter = @Sendable (_ sender: String) throws -> Int
