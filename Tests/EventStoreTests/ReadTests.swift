import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Reading the log through the event store")
struct ReadTests {
    static func event(_ stream: String, type: String, payload: String = "{}", on date: String) -> NewEvent {
        NewEvent(
            eventID: UUID(), streamID: stream, eventType: type, schemaVersion: 1, payload: JSONText(payload),
            metadata: Fixtures.metadata(), effectiveDate: date)
    }

    static func append(_ events: [NewEvent], to tenant: TenantID, on connection: Connection) async throws -> AppendResult {
        try await connection.run { try EventLog.append(AppendRequest(tenant: tenant, events: events), in: $0) }
    }

    static func microseconds(_ date: Date?) -> Int64? { date.map(PostgresTime.microseconds) }

    @Test("a batch of the log can stop at a head, keep some types, and read as of a business date or as known at a time")
    func readLogFilters() async throws {
        let database = try await TestDatabase.create("es_read")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        let first = try await Self.append(
            [
                Self.event("a-1", type: "test.opened", on: "2026-03-01"), Self.event("a-1", type: "test.noted", on: "2026-03-05"),
                Self.event("a-2", type: "test.opened", payload: #"{"who": {"key": "pk-2"}, "n": 1}"#, on: "2026-03-10"),
            ], to: tenant, on: connection)
        _ = try await Self.append(
            [Self.event("a-2", type: "test.closed", on: "2026-03-02"), Self.event("a-3", type: "test.opened", on: "2026-04-01")],
            to: tenant, on: connection)
        let knownAt = first.events.last!.recordedAt
        let reads = try await connection.run { session -> [[Int64]] in
            func positions(_ events: [RecordedEvent]) -> [Int64] { events.map(\.position) }
            return [
                positions(try EventLog.readLog(tenant: tenant, after: 0, in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 1, through: 4, in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 0, types: ["test.opened"], in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 0, asOf: "2026-03-05", in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 0, knownAt: knownAt, in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 0, through: 4, limit: 1, types: ["test.opened"], asOf: "2026-03-31", in: session)),
                positions(try EventLog.readLog(tenant: tenant, after: 1, through: 5, limit: 10, types: ["test.opened", "test.closed"], asOf: "2026-03-31", knownAt: knownAt, in: session)),
                [try EventLog.headPosition(tenant: tenant, in: session), try EventLog.headPosition(tenant: TenantID(UUID()), in: session)],
                positions(try EventLog.readLog(tenant: tenant, after: 0, payloadContaining: JSONText(#"{"who": {"key": "pk-2"}}"#), in: session)),
                try EventLog.readLogEntries(tenant: tenant, after: 1, through: 4, types: ["test.opened"], in: session).map(\.position),
                try EventLog.readLog(tenant: tenant, after: 0, in: session).map { LogEntry($0) }
                    == EventLog.readLogEntries(tenant: tenant, after: 0, in: session) ? [1] : [0],
            ]
        }
        #expect(reads[0] == [1, 2, 3, 4, 5])
        #expect(reads[1] == [2, 3, 4])
        #expect(reads[2] == [1, 3, 5])
        #expect(reads[3] == [1, 2, 4])
        #expect(reads[4] == [1, 2, 3])
        #expect(reads[5] == [1])
        #expect(reads[6] == [3])
        #expect(reads[7] == [5, 0])
        #expect(reads[8] == [3])
        #expect(reads[9] == [3])
        #expect(reads[10] == [1], "an entry read lean equals the entry of the recorded event")
        await database.drop()
    }

    @Test("a checkpoint is created at 0 when locked, advances with the caller's clock, and a rollback keeps it where it was")
    func checkpoints() async throws {
        let database = try await TestDatabase.create("es_checkpoints")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        let appended = try await Self.append(
            (1...5).map { Self.event("a-\($0)", type: "test.opened", on: "2026-03-01") }, to: tenant, on: connection)
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let checkpoints = Checkpoints(consumer: "test.consumer", clock: { stamp })
        struct Planned: Error {}
        let (locked, afterAdvance, afterRollback, lags) = try await connection.run { session in
            let locked = try session.withTransaction { session in
                let position = try checkpoints.lock(tenant: tenant, in: session)
                try checkpoints.advance(tenant: tenant, to: 2, in: session)
                return position
            }
            let afterAdvance = try checkpoints.read(tenant: tenant, in: session)
            _ = try? session.withTransaction { session in
                _ = try checkpoints.lock(tenant: tenant, in: session)
                try checkpoints.advance(tenant: tenant, to: 5, in: session)
                throw Planned()
            }
            return (locked, afterAdvance, try checkpoints.read(tenant: tenant, in: session), try checkpoints.lag(in: session))
        }
        #expect(locked == 0)
        #expect(afterAdvance == 2)
        #expect(afterRollback == 2)
        #expect(lags.map(\.tenant.kind) == [.company, .practice])
        let lag = try #require(lags.first { $0.tenant.id == tenant })
        #expect(lag.tenant.slug == "acme")
        #expect(lag.tenant.status == .active)
        #expect(lag.position == 2)
        #expect(lag.head == 5)
        #expect(lag.events == 3)
        #expect(Self.microseconds(lag.updatedAt) == PostgresTime.microseconds(of: stamp))
        #expect(Self.microseconds(lag.checkpointRecordedAt) == PostgresTime.microseconds(of: appended.events[1].recordedAt))
        #expect(Self.microseconds(lag.firstPendingRecordedAt) == PostgresTime.microseconds(of: appended.events[2].recordedAt))
        #expect(Self.microseconds(lag.headRecordedAt) == PostgresTime.microseconds(of: appended.events[4].recordedAt))
        #expect(lag.seconds >= 0)
        let company = try #require(lags.first { $0.tenant.kind == .company })
        #expect(company.position == 0 && company.head == 0 && company.seconds == 0 && company.updatedAt == nil)
        await database.drop()
    }

    @Test("events of some types across tenants filter by login, time and payload, in recorded order")
    func eventsByTypeAcrossTenants() async throws {
        let database = try await TestDatabase.create("es_by_type")
        let connection = try await database.connect()
        let tenants = try await Fixtures.tenants(["acme", "bolt", "cove"], in: connection)
        for (index, tenant) in tenants.enumerated() {
            _ = try await Self.append(
                [
                    Self.event("v-\(index)", type: "test.viewed", payload: #"{"who": "pk-1", "n": \#(index)}"#, on: "2026-03-01"),
                    Self.event("v-\(index)", type: "test.viewed", payload: #"{"who": "pk-2"}"#, on: "2026-03-01"),
                    Self.event("o-\(index)", type: "test.other", payload: #"{"who": "pk-1"}"#, on: "2026-03-01"),
                ], to: tenant, on: connection)
        }
        let login = try await connection.run { $0.user }
        let (all, onePatient, someone, future, limited, none, twoTypes) = try await connection.run { session in
            let two = [tenants[0], tenants[2]]
            return (
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: two, in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: two, payloadContaining: JSONText(#"{"who": "pk-1"}"#), in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: two, dbUser: "someone_else", in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: two, dbUser: login, recordedSince: Date(timeIntervalSinceNow: 3600), in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: tenants, limit: 4, in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed"], tenants: [], in: session),
                try EventLog.readEvents(ofTypes: ["test.viewed", "test.other"], tenants: [tenants[1]], in: session)
            )
        }
        #expect(all.count == 4)
        #expect(Set(all.map(\.tenant)) == [tenants[0], tenants[2]])
        #expect(all.map(\.recordedAt) == all.map(\.recordedAt).sorted())
        #expect(onePatient.map(\.tenant) == [tenants[0], tenants[2]])
        #expect(onePatient.allSatisfy { $0.position == 1 })
        #expect(someone.isEmpty)
        #expect(future.isEmpty)
        #expect(limited.count == 4)
        #expect(none.isEmpty)
        #expect(twoTypes.map(\.position) == [1, 2, 3])
        await database.drop()
    }

    @Test("a tenant's newest events of some types: newest first, cut at the limit in SQL, filtered by login, time and any of several payloads")
    func newestEventsByType() async throws {
        let database = try await TestDatabase.create("es_newest")
        let connection = try await database.connect()
        let tenants = try await Fixtures.tenants(["acme", "bolt"], in: connection)
        for tenant in tenants {
            _ = try await Self.append(
                (1...6).map { n in
                    Self.event("v-\(n)", type: n == 3 ? "test.other" : "test.viewed", payload: n == 5 ? #"{"old": "pk-1"}"# : #"{"who": "pk-\#(n % 2)"}"#, on: "2026-03-01")
                }, to: tenant, on: connection)
        }
        let login = try await connection.run { $0.user }
        let (newest, all, patient, someone, future) = try await connection.run { session in
            (
                try EventLog.readNewestEvents(ofTypes: ["test.viewed"], tenant: tenants[0], limit: 2, in: session),
                try EventLog.readNewestEvents(ofTypes: ["test.viewed", "test.other"], tenant: tenants[1], dbUser: login, limit: 100, in: session),
                try EventLog.readNewestEvents(
                    ofTypes: ["test.viewed"], tenant: tenants[0], payloadContainingAny: [JSONText(#"{"who": "pk-1"}"#), JSONText(#"{"old": "pk-1"}"#)],
                    limit: 100, in: session),
                try EventLog.readNewestEvents(ofTypes: ["test.viewed"], tenant: tenants[0], dbUser: "someone_else", limit: 100, in: session),
                try EventLog.readNewestEvents(
                    ofTypes: ["test.viewed"], tenant: tenants[0], recordedSince: Date(timeIntervalSinceNow: 3600), limit: 100, in: session)
            )
        }
        #expect(newest.map(\.position) == [6, 5] && newest.allSatisfy { $0.tenant == tenants[0] })
        #expect(all.map(\.position) == [6, 5, 4, 3, 2, 1] && all.allSatisfy { $0.tenant == tenants[1] })
        #expect(patient.map(\.position) == [5, 1], "pk-1 at positions 1 (who) and 5 (old); 3 is another type")
        #expect(someone.isEmpty && future.isEmpty)
        await database.drop()
    }

    @Test("the first event of a type matching any of several JSON documents is found by containment")
    func firstEventByContainment() async throws {
        let database = try await TestDatabase.create("es_first")
        let connection = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
        _ = try await Self.append(
            [
                Self.event("claim-c1", type: "test.created", payload: #"{"id": "c1", "number": "RC-1"}"#, on: "2026-03-01"),
                Self.event("claim-c2", type: "test.created", payload: #"{"id": "c2", "number": "RC-2"}"#, on: "2026-03-01"),
                Self.event("claim-c2", type: "test.noted", payload: #"{"id": "c2", "number": "RC-1"}"#, on: "2026-03-01"),
            ], to: tenant, on: connection)
        @Sendable func keys(_ value: String) -> [JSONText] { [JSONText(#"{"number": "\#(value)"}"#), JSONText(#"{"id": "\#(value)"}"#)] }
        let found = try await connection.run { session in
            try ["RC-1", "c2", "RC-3", #"RC-1" , "x": "y"#].map { value in
                try EventLog.firstEvent(tenant: tenant, type: "test.created", payloadContainingAny: keys(value), in: session)?.streamID
            }
        }
        #expect(found == ["claim-c1", "claim-c2", nil, nil])
        await database.drop()
    }

    @Test("counts by type and by tenant (optionally per payload value) cover every visible tenant, most first")
    func counts() async throws {
        let database = try await TestDatabase.create("es_counts")
        let connection = try await database.connect()
        let tenants = try await Fixtures.tenants(["acme", "bolt"], in: connection)
        _ = try await Self.append(
            [
                Self.event("a", type: "test.created", payload: #"{"payer": "P1"}"#, on: "2026-03-01"),
                Self.event("b", type: "test.created", payload: #"{"payer": "P2"}"#, on: "2026-03-01"),
                Self.event("c", type: "test.created", payload: #"{"payer": "P2"}"#, on: "2026-03-01"),
            ], to: tenants[1], on: connection)
        _ = try await Self.append(
            [Self.event("a", type: "test.created", payload: #"{"payer": "P1"}"#, on: "2026-03-01"), Self.event("a", type: "test.noted", on: "2026-03-01")],
            to: tenants[0], on: connection)
        let (byType, byTenant, byPayer) = try await connection.run { session in
            (
                try EventLog.countsByType(in: session),
                try EventLog.countsByTenant(type: "test.created", in: session),
                try EventLog.countsByTenant(type: "test.created", groupedByPayloadKey: "payer", in: session)
            )
        }
        #expect(byType == ["test.created": 4, "test.noted": 1])
        #expect(byTenant.map(\.tenant) == [tenants[1], tenants[0]])
        #expect(byTenant.map(\.count) == [3, 1])
        #expect(byTenant.allSatisfy { $0.key == nil })
        #expect(byPayer.first == EventCount(tenant: tenants[1], key: "P2", count: 2))
        #expect(byPayer.count == 3)
        await database.drop()
    }
}
