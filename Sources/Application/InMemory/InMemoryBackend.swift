import Billing
import EventStore
import Foundation
import Synchronization

/// The application core's record in memory, for fast tests of every command's rules (as swift-nio's
/// `NIOEmbedded` stands in for a network): the same ports as PostgreSQL, the same append rules (expected
/// versions, idempotency keys), all-or-nothing transactions, one at a time.
public final class InMemoryBackend: Backend {
    private let record: Mutex<InMemoryRecord>
    private let counters = InMemoryCounters()
    /// The login every transaction acts as.
    public let login: String
    /// Whether the login is an owner (may create tenants and logins).
    public let isOwner: Bool

    /// An empty record acting as `login`.
    public init(login: String = "rcm_admin", isOwner: Bool = true) {
        self.record = Mutex(InMemoryRecord())
        self.login = login
        self.isOwner = isOwner
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try record.withLock { current in
            let transaction = InMemoryTransaction(record: current, login: login, isOwner: isOwner)
            let value = try body(transaction)
            current = transaction.record
            return value
        }
    }

    public func afterCommit(tenants: [TenantID]) async -> String? { nil }

    public func interchangeCounter() async throws -> InterchangeCounter {
        let counters = counters
        return { sender in counters.next(sender) }
    }

    /// Every event of a tenant's log, in position order (for tests).
    public func events(of tenant: TenantID) -> [RecordedEvent] {
        record.withLock { $0.logs[tenant] ?? [] }
    }

    /// The identities kept for a tenant (for tests).
    public func identityCount(of tenant: TenantID) -> Int {
        record.withLock { $0.identities[tenant]?.count ?? 0 }
    }

    /// The raw files kept for a tenant (for tests).
    public func fileCount(of tenant: TenantID) -> Int {
        record.withLock { $0.files[tenant]?.count ?? 0 }
    }
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
