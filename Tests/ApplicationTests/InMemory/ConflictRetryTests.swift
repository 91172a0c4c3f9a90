import Application
import Billing
import EventStore
import Foundation
import Synchronization
import Testing

/// A backend that loses the race for the first `losses` transactions: each fails as a concurrent append
/// would (`wrongExpectedVersion`, nothing written), then the in-memory backend runs them.
final class RacingBackend: Backend {
    let inner: InMemoryBackend
    let losses: Int
    let calls = Mutex(0)

    init(_ inner: InMemoryBackend, losses: Int) {
        self.inner = inner
        self.losses = losses
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        let call = calls.withLock { value in
            value += 1
            return value
        }
        if call <= losses { throw EventStoreError.wrongExpectedVersion(stream: "account-pk-raced", expected: .exactly(1), actual: 2) }
        return try await inner.transaction(body)
    }

    func afterCommit(tenants: [TenantID]) async -> String? { nil }
    func interchangeCounter() async throws -> InterchangeCounter { try await inner.interchangeCounter() }
}

@Suite("A command whose append loses a race is decided again")
struct ConflictRetryTests {
    /// The world's practice with one patient, and a core over a backend that loses `losses` races.
    static func racing(losses: Int) async throws -> (RacingBackend, RevenueCycle, PatientKey) {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(InMemoryWorld.identity("Hedda", "Raceworth"), selfPay: true, tenant: InMemoryWorld.slug)
        let backend = RacingBackend(world.backend, losses: losses)
        return (backend, RevenueCycle(backend: backend), key)
    }

    @Test("two lost races, then the payment posts once, decided a third time")
    func retriedUntilCommitted() async throws {
        let (backend, core, key) = try await Self.racing(losses: 2)
        let account = try await core.postPatientPayment(Money(cents: 25_00), method: .card, patient: key, claim: nil, paymentID: nil, tenant: InMemoryWorld.slug)
        #expect(backend.calls.withLock { $0 } == 3)
        #expect(account.patientPaid == Money(cents: 25_00), "posted once")
    }

    @Test("a race lost eight times fails with a sentence that says so, and nothing is written")
    func boundedRetries() async throws {
        let (backend, core, key) = try await Self.racing(losses: 100)
        await #expect {
            try await core.postPatientPayment(Money(cents: 25_00), method: .card, patient: key, claim: nil, paymentID: nil, tenant: InMemoryWorld.slug)
        } throws: { error in
            "\(error)".contains("changed the same record 8 times while this one was decided; nothing was written")
        }
        #expect(backend.calls.withLock { $0 } == 8)
    }

    @Test("a refusal by the state is not retried")
    func refusalNotRetried() async throws {
        let (backend, core, key) = try await Self.racing(losses: 0)
        await #expect(throws: CommandRejected.self) {
            try await core.postPatientPayment(.zero, method: .card, patient: key, claim: nil, paymentID: nil, tenant: InMemoryWorld.slug)
        }
        #expect(backend.calls.withLock { $0 } == 1)
    }
}
