import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Appending to the log")
struct AppendTests {
    @Test("an append to several streams is atomic and returns positions and stream versions")
    func multiStreamAppend() async throws {
        let database = try await TestDatabase.create("es_append")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        let result = try await connection.withTransaction { session in
            try EventLog.append(
                AppendRequest(
                    tenant: tenant, events: [Fixtures.event("claim-1"), Fixtures.event("claim-2"), Fixtures.event("claim-1")],
                    expectations: [("claim-1", .noStream), ("claim-2", .noStream)]), in: session)
        }
        #expect(result.events.map(\.position) == [1, 2, 3])
        #expect(result.events.map(\.streamVersion) == [1, 1, 2])
        #expect(!result.replayed)
        let stream = try await connection.run { try EventLog.readStream(tenant: tenant, stream: "claim-1", in: $0) }
        #expect(stream.map(\.streamVersion) == [1, 2])
        let backwards = try await connection.run {
            try EventLog.readStream(tenant: tenant, stream: "claim-1", from: .max, direction: .backward, in: $0)
        }
        #expect(backwards.map(\.streamVersion) == [2, 1])
        await database.drop()
    }

    @Test("a stale expected version is a typed error naming stream, expected and actual, and appends nothing")
    func wrongExpectedVersion() async throws {
        let database = try await TestDatabase.create("es_version")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        _ = try await connection.withTransaction { try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-9")]), in: $0) }
        let error = await #expect(throws: EventStoreError.self) {
            try await connection.withTransaction { session in
                try EventLog.append(
                    AppendRequest(
                        tenant: tenant, events: [Fixtures.event("claim-8"), Fixtures.event("claim-9")],
                        expectations: [("claim-8", .noStream), ("claim-9", .exactly(5))]), in: session)
            }
        }
        #expect(error == .wrongExpectedVersion(stream: "claim-9", expected: .exactly(5), actual: 1))
        #expect(error?.description == "wrong expected version for stream claim-9: expected 5, actual 1")
        for expected in [ExpectedVersion.noStream, .exactly(2)] {
            await #expect(throws: EventStoreError.self) {
                try await connection.withTransaction {
                    try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-9")], expectations: [("claim-9", expected)]), in: $0)
                }
            }
        }
        await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "claim-7", expected: .streamExists, actual: 0)) {
            try await connection.withTransaction {
                try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-7")], expectations: [("claim-7", .streamExists)]), in: $0)
            }
        }
        // Nothing was appended, and a rolled-back append leaves no gap.
        let next = try await connection.withTransaction {
            try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-9")], expectations: [("claim-9", .exactly(1))]), in: $0)
        }
        #expect(next.events.map(\.position) == [2])
        await database.drop()
    }

    @Test("a repeated idempotency key returns the original result and appends nothing, also when two race")
    func idempotentRace() async throws {
        let database = try await TestDatabase.create("es_idem")
        let owner = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: owner)[0]
        let request = AppendRequest(
            tenant: tenant, events: [Fixtures.event("payment-1"), Fixtures.event("claim-1")],
            idempotencyKey: "835:PAYER1:TRN-12345:945.00:2026-06-30")
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let connection = try await database.connect()
                    return try await connection.withTransaction { try EventLog.append(request, in: $0) }
                }
            }
            var all: [AppendResult] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 2)
        #expect(results[0].events == results[1].events)
        #expect(results.filter(\.replayed).count == 1)
        let log = try await owner.run { try EventLog.readLog(tenant: tenant, after: 0, in: $0) }
        #expect(log.count == 2)
        #expect(log.allSatisfy { $0.idempotencyKey == "835:PAYER1:TRN-12345:945.00:2026-06-30" })
        await database.drop()
    }

    @Test("upcasters turn an older schema version into the current shape when read")
    func upcasting() async throws {
        let database = try await TestDatabase.create("es_upcast")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        _ = try await connection.withTransaction {
            try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-1", type: "claim.noted", payload: #"{"note": "x"}"#)]), in: $0)
        }
        let registry = UpcasterRegistry(steps: [
            .init(eventType: "claim.noted", fromVersion: 1) { data in
                var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
                object["text"] = object.removeValue(forKey: "note")
                return try JSONSerialization.data(withJSONObject: object)
            }
        ])
        let events = try await connection.run { try EventLog.readLog(tenant: tenant, after: 0, upcasters: registry, in: $0) }
        #expect(events[0].schemaVersion == 2)
        #expect(String(decoding: events[0].payload, as: UTF8.self) == #"{"text":"x"}"#)
        await database.drop()
    }
}
