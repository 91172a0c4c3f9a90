import Billing
import EventStore
import Foundation
import Synchronization

/// The application core's record in memory, for fast tests of every command's rules (as swift-nio's
/// `NIOEmbedded` stands in for a network): the same ports as PostgreSQL, the same append rules (expected
/// versions, idempotency keys), all-or-nothing transactions, one at a time.
public final class InMemoryBackend: Backend {
    private let store: InMemoryStore
    /// The login every transaction acts as.
    public let login: String
    /// Whether the login is an owner (may create tenants and logins).
    public let isOwner: Bool

    /// An empty record acting as `login`.
    public convenience init(login: String = "rcm_admin", isOwner: Bool = true) {
        self.init(store: InMemoryStore(), login: login, isOwner: isOwner)
    }

    private init(store: InMemoryStore, login: String, isOwner: Bool) {
        self.store = store
        self.login = login
        self.isOwner = isOwner
    }

    /// The same record as another login (as `RevenueCycle.asLogin` is over PostgreSQL): a staff login sees
    /// the company and the practices it is assigned to.
    public func asLogin(_ login: String, isOwner: Bool = false) -> InMemoryBackend {
        InMemoryBackend(store: store, login: login, isOwner: isOwner)
    }

    /// Runs `body` on a copy of the record, one transaction at a time; the copy replaces the record when the
    /// body returns and no store error aborted it.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try store.record.withLock { current in
            let transaction = InMemoryTransaction(record: current, login: login, isOwner: isOwner)
            let value = try body(transaction)
            try transaction.checkNotAborted()
            current = transaction.record
            return value
        }
    }

    /// Nothing follows a commit in memory: no followers, no analyst tables.
    public func afterCommit(tenants: [TenantID]) async -> String? { nil }

    /// Control numbers per sender, shared by every login of the record and kept outside its transactions.
    public func interchangeCounter() async throws -> InterchangeCounter {
        let counters = store.counters
        return { sender in counters.next(sender) }
    }

    /// Every event of a tenant's log, in position order (for tests).
    public func events(of tenant: TenantID) -> [RecordedEvent] {
        store.record.withLock { $0.logs[tenant] ?? [] }
    }

    /// The identities kept for a tenant (for tests).
    public func identityCount(of tenant: TenantID) -> Int {
        store.record.withLock { $0.identities[tenant]?.count ?? 0 }
    }

    /// The raw files kept for a tenant (for tests).
    public func fileCount(of tenant: TenantID) -> Int {
        store.record.withLock { $0.files[tenant]?.count ?? 0 }
    }
}

/// The record and the interchange counters, shared by the backends of every login over it.
final class InMemoryStore: Sendable {
    let record = Mutex(InMemoryRecord())
    let counters = InMemoryCounters()
}

/// Interchange control numbers per sender, apart from the record (drawn inside a transaction, kept outside it).
final class InMemoryCounters: Sendable {
    private let numbers = Mutex<[String: Int]>([:])

    func next(_ sender: String) -> Int {
        numbers.withLock { numbers in
            numbers[sender, default: 0] += 1
            return numbers[sender]!
        }
    }
}
