import Billing
import EventStore
import Foundation

/// The application core: every command of the product as one call that owns its whole unit of work
/// (resolving the tenant, the transaction, deciding, appending, the PHI store, and what follows the commit).
/// Front ends (the command line, the HTTP server) parse, call and render; they never open a transaction.
///
/// Commands run against a `Backend`: PostgreSQL in the product, memory in fast tests. Reports, rebuilds,
/// migrations and the audit of the hash chain read PostgreSQL itself and need a PostgreSQL backend.
public struct RevenueCycle: Sendable {
    /// Where the record is kept.
    public let backend: any Backend
    /// Told what followed a commit could not be done (the command stands; a person may act on it).
    public let notes: @Sendable (String) -> Void

    /// A core over a backend.
    public init(backend: any Backend, notes: @escaping @Sendable (String) -> Void = { _ in }) {
        self.backend = backend
        self.notes = notes
    }

    /// Runs `body` in one transaction for one tenant (its slug or id, as this login may see it), with a
    /// context (actor = the login, today in the tenant's time zone); then wakes followers and catches the
    /// analyst tables up. `asOwner`: the command writes shared tables through the owner's functions, so an owner
    /// runs all of it as the owner role (`Backend.ownerTransaction`).
    @discardableResult
    func inTenant<T: Sendable>(
        _ name: String, reason: String? = nil, source: String = "cli", asOwner: Bool = false,
        _ body: @escaping @Sendable (any StoreTransaction, CommandContext) throws -> T
    ) async throws -> T {
        let (value, tenant) = try await transactionRetryingConflicts(asOwner: asOwner) { tx, retry in
            let tenant = try Self.resolve(name, in: tx)
            if retry { try tx.takeRetryTurn(tenant: tenant.id) }
            let context = CommandContext(
                tenant: tenant, actor: tx.login, source: source, reason: reason, today: CommandContext.today(in: tenant.timeZone))
            return (try body(tx, context), tenant)
        }
        await afterCommit([tenant.id])
        return value
    }

    /// Runs `body` in one transaction; when its append loses a race, runs all of it again in a new transaction
    /// against the new state (`ConflictRetry`). The CLI and the server share it through every facade call.
    /// `body` is told whether this is a retry (it then takes the tenant's retry turn once it knows the tenant).
    func transactionRetryingConflicts<T: Sendable>(
        asOwner: Bool = false, _ body: @escaping @Sendable (any StoreTransaction, Bool) throws -> T
    ) async throws -> T {
        try await ConflictRetry().run { attempt in
            if asOwner { return try await backend.ownerTransaction { tx in try body(tx, attempt > 1) } }
            return try await backend.transaction { tx in try body(tx, attempt > 1) }
        }
    }

    /// Runs `body` in one transaction as administration of the company (the login, today in the company's zone);
    /// `asOwner` as in `inTenant`.
    @discardableResult
    func administration<T: Sendable>(
        asOwner: Bool = false, _ body: @escaping @Sendable (any StoreTransaction, String, LocalDate) throws -> T
    ) async throws -> T {
        try await transactionRetryingConflicts(asOwner: asOwner) { tx, _ in try body(tx, tx.login, CommandContext.today(in: "America/New_York")) }
    }

    /// Runs what follows a commit for the tenants written.
    func afterCommit(_ tenants: [TenantID]) async {
        if let note = await backend.afterCommit(tenants: tenants) { notes(note) }
    }

    /// A tenant by slug or id, as this login may see it.
    static func resolve(_ name: String, in tx: any StoreTransaction) throws -> Tenant {
        guard let tenant = try tx.directory.find(name) else {
            throw CommandRejected("no tenant \(name) (or this login may not see it); rcm tenant list shows the tenants")
        }
        return tenant
    }

    /// The named tenant, or every tenant the login may see.
    static func resolve(_ name: String?, in tx: any StoreTransaction, practicesOnly: Bool = false) throws -> [Tenant] {
        if let name { return [try resolve(name, in: tx)] }
        let all = try tx.directory.list()
        return practicesOnly ? all.filter { $0.kind == .practice } : all
    }
}
