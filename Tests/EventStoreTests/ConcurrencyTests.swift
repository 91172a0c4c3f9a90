import EventStore
import Foundation
import Postgres
import Synchronization
import Testing
import TestSupport

@Suite("Concurrent writers and a live follower")
struct ConcurrencyTests {
    @Test("8 writers × 500 appends over 3 tenants: the follower sees every committed event once, in order, without gaps")
    func writersAndFollower() async throws {
        let database = try await TestDatabase.create("es_concurrency")
        let owner = try await database.connect()
        let tenants = try await Fixtures.tenants(["alpha", "beta", "gamma"], in: owner)
        let seen = Mutex<[TenantID: [Int64]]>([:])
        let writersDone = Atomic<Bool>(false)
        let follower = LogFollower(subscription: Subscription(consumer: "test.follower", batchSize: 200), pollInterval: .milliseconds(50))
        let following = Task {
            try await follower.follow(tenants: tenants, settings: database.settings, shouldStop: { writersDone.load(ordering: .acquiring) }) { _, events in
                seen.withLock { seen in for event in events { seen[event.tenant, default: []].append(event.position) } }
            }
        }
        let pool = ConnectionPool(settings: database.settings, maximum: 8)
        let store = EventStore(pool: pool)
        let outcomes = try await withThrowingTaskGroup(of: (appended: Int, conflicts: Int).self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var appended = 0, conflicts = 0
                    for index in 0..<500 {
                        let tenant = tenants[(writer + index) % 3]
                        let stream = "claim-\(index % 4)"  // shared streams: writers collide
                        let current = try await pool.withConnection { connection in
                            try await connection.run { try EventLog.streamVersion(tenant: tenant, stream: stream, in: $0) }
                        }
                        do {
                            _ = try await store.append(
                                AppendRequest(tenant: tenant, events: [Fixtures.event(stream)], expectations: [(stream, current == 0 ? .noStream : .exactly(current))]))
                            appended += 1
                        } catch EventStoreError.wrongExpectedVersion {
                            conflicts += 1
                        }
                    }
                    return (appended, conflicts)
                }
            }
            var all: [(Int, Int)] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        writersDone.store(true, ordering: .releasing)
        try await following.value
        let appended = outcomes.map(\.0).reduce(0, +)
        let conflicts = outcomes.map(\.1).reduce(0, +)
        #expect(appended + conflicts == 4000)
        let positions = try await owner.run { session in
            try tenants.map { try EventLog.head(tenant: $0, in: session).position }
        }
        #expect(positions.reduce(0, +) == Int64(appended))
        let observed = seen.withLock { $0 }
        for (tenant, head) in zip(tenants, positions) {
            #expect(observed[tenant] == Array(1...max(head, 1)).filter { _ in head > 0 }, "tenant \(tenant) seen in order, each once")
        }
        pool.close()
        await database.drop()
    }
}
