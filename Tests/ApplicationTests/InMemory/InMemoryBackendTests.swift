import Application
import Billing
import EventStore
import Foundation
import Testing

/// The in-memory backend keeps the rules of the PostgreSQL record (`rcm.append_events`, the directory's
/// functions, transactions), so that the fast tests of the commands mean what they would mean there.
@Suite("The in-memory backend keeps PostgreSQL's rules")
struct InMemoryBackendTests {
    static func event(_ stream: String, _ type: String = "test.happened", date: String = "2026-12-01") -> NewEvent {
        NewEvent(
            eventID: UUID(), streamID: stream, eventType: type, schemaVersion: 1, json: Data("{\"n\": 1}".utf8),
            metadata: EventMetadata(actor: "test", source: "test", correlationID: UUID()), effectiveDate: date)
    }

    static func world() async throws -> (InMemoryBackend, Tenant) {
        let world = try await InMemoryWorld.make()
        return (world.backend, world.practice)
    }

    @Test("an append checks expected versions under the same codes: any, no stream, stream exists, exactly N")
    func expectedVersions() async throws {
        let (backend, practice) = try await Self.world()
        try await backend.transaction { tx in
            _ = try tx.log.append(
                AppendRequest(tenant: practice.id, events: [Self.event("s-a"), Self.event("s-a")], expectations: [("s-a", .noStream)]))
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "s-a", expected: .noStream, actual: 2)) {
                try tx.nested {
                    try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")], expectations: [("s-a", .noStream)]))
                }
            }
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "s-a", expected: .exactly(1), actual: 2)) {
                try tx.nested {
                    try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")], expectations: [("s-a", .exactly(1))]))
                }
            }
            #expect(throws: EventStoreError.wrongExpectedVersion(stream: "s-b", expected: .streamExists, actual: 0)) {
                try tx.nested {
                    try tx.log.append(
                        AppendRequest(tenant: practice.id, events: [Self.event("s-b")], expectations: [("s-b", .streamExists)]))
                }
            }
            let third = try tx.log.append(
                AppendRequest(tenant: practice.id, events: [Self.event("s-a")], expectations: [("s-a", .exactly(2))]))
            #expect(third.events.map(\.streamVersion) == [3])
        }
    }

    @Test("a used idempotency key returns the original events and appends nothing; the key is kept in each event's metadata")
    func idempotency() async throws {
        let (backend, practice) = try await Self.world()
        let before = backend.events(of: practice.id).count
        let (first, second) = try await backend.transaction { tx in
            let request = AppendRequest(
                tenant: practice.id, events: [Self.event("s-a"), Self.event("s-b")], idempotencyKey: "835:aetna|T1")
            let first = try tx.log.append(request)
            let again = AppendRequest(tenant: practice.id, events: [Self.event("s-c")], idempotencyKey: "835:aetna|T1")
            return (first, try tx.log.append(again))
        }
        #expect(!first.replayed && second.replayed)
        #expect(second.events.map(\.position) == first.events.map(\.position))
        let stored = backend.events(of: practice.id).dropFirst(before)
        #expect(stored.map(\.streamID) == ["s-a", "s-b"])
        #expect(stored.allSatisfy { $0.idempotencyKey == "835:aetna|T1" })
        #expect(try await backend.transaction { tx in try tx.log.isKeyUsed(tenant: practice.id, key: "835:aetna|T1") })
    }

    @Test("an append is refused as the events table would refuse it: no events, an unlisted stream, a bad type or date, a repeated id")
    func malformed() async throws {
        let (backend, practice) = try await Self.world()
        let before = backend.events(of: practice.id).count
        var unlisted = AppendRequest(tenant: practice.id, events: [Self.event("s-a")])
        unlisted.expectations = [("s-other", .any)]
        let repeated = Self.event("s-a")
        for request in [
            AppendRequest(tenant: practice.id, events: []), unlisted,
            AppendRequest(tenant: practice.id, events: [Self.event("s-a", "Claim Created")]),
            AppendRequest(tenant: practice.id, events: [Self.event("s-a", date: "2026-02-30")]),
            AppendRequest(tenant: practice.id, events: [Self.event(String(repeating: "s", count: 201))]),
            AppendRequest(tenant: practice.id, events: [repeated, repeated]),
        ] {
            await #expect(throws: EventStoreError.self) { try await backend.transaction { tx in _ = try tx.log.append(request) } }
        }
        #expect(backend.events(of: practice.id).count == before)
    }

    @Test("a staff login reads and appends to the company and its assigned practices only")
    func mayAccess() async throws {
        let world = try await InMemoryWorld.make()
        let company = try await world.companyTenant()
        let staff = world.backend.asLogin("jdoe")
        let practice = world.practice
        await #expect(throws: EventStoreError.notPermitted(practice.id)) {
            try await staff.transaction { tx in _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")])) }
        }
        try await staff.transaction { tx in _ = try tx.log.append(AppendRequest(tenant: company.id, events: [Self.event("s-a")])) }
        #expect(
            try await staff.transaction { tx in try tx.log.readStream(tenant: practice.id, stream: "practice", from: 1, limit: 10) }
                .isEmpty,
            "the row policies hide an unassigned practice's log")
        try await world.core.assignStaff(login: "jdoe", to: InMemoryWorld.slug)
        #expect(
            try await staff.transaction { tx in try tx.log.readStream(tenant: practice.id, stream: "practice", from: 1, limit: 10) }.count
                > 0)
        let appended = try await staff.transaction { tx in
            try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
        }
        #expect(world.backend.events(of: practice.id).last?.position == appended.lastPosition)
        #expect(world.backend.events(of: practice.id).last?.dbUser == "jdoe")
    }

    @Test("an auditor records reads through the access path but appends nothing else, and the PHI store hides every row")
    func auditorRights() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        try await world.core.addStaff(login: "mkim", group: "auditor", password: nil)
        let auditor = world.backend.asLogin("mkim")
        let practice = world.practice
        _ = try await auditor.transaction { tx in try tx.log.recordAccess(Self.event("access", "access.phi_viewed"), tenant: practice.id) }
        #expect(world.backend.events(of: practice.id).last?.dbUser == "mkim")
        await #expect(throws: EventStoreError.notPermitted(practice.id)) {
            try await auditor.transaction { tx in _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")])) }
        }
        await #expect(throws: EventStoreError.self) {
            try await auditor.transaction { tx in try tx.phi.identity(key: key, tenant: practice.id) }
        }
        // A login in both groups uses the PHI store, whose row policies still hide every row from an auditor.
        try await world.core.addStaff(login: "mkim", group: "staff", password: nil)
        #expect(try await auditor.transaction { tx in try tx.phi.identity(key: key, tenant: practice.id) } == nil)
        #expect(try await world.backend.transaction { tx in try tx.phi.identity(key: key, tenant: practice.id) } != nil)
    }

    @Test("a transaction keeps all of its writes or none; a nested unit rolls back alone")
    func transactions() async throws {
        let (backend, practice) = try await Self.world()
        let before = backend.events(of: practice.id).count
        struct Stop: Error {}
        await #expect(throws: Stop.self) {
            try await backend.transaction { tx in
                _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
                throw Stop()
            }
        }
        #expect(backend.events(of: practice.id).count == before)
        try await backend.transaction { tx in
            _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
            #expect(throws: Stop.self) {
                try tx.nested {
                    _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-b")]))
                    throw Stop()
                }
            }
            _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-c")]))
        }
        #expect(backend.events(of: practice.id).dropFirst(before).map(\.streamID) == ["s-a", "s-c"])
    }

    @Test("an error of the store aborts the transaction, as in PostgreSQL, unless it was raised in a nested unit")
    func abortedTransaction() async throws {
        let (backend, practice) = try await Self.world()
        let before = backend.events(of: practice.id).count
        await #expect(throws: EventStoreError.self) {
            try await backend.transaction { tx in
                _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
                _ = try? tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")], expectations: [("s-a", .noStream)]))
                _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-b")]))
            }
        }
        await #expect(throws: EventStoreError.self, "a swallowed store error still prevents the commit") {
            try await backend.transaction { tx in
                _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
                _ = try? tx.log.append(AppendRequest(tenant: practice.id, events: []))
            }
        }
        #expect(backend.events(of: practice.id).count == before)
        try await backend.transaction { tx in
            _ = try? tx.nested { try tx.log.append(AppendRequest(tenant: practice.id, events: [])) }
            _ = try tx.log.append(AppendRequest(tenant: practice.id, events: [Self.event("s-a")]))
        }
        #expect(backend.events(of: practice.id).count == before + 1)
    }

    @Test("only access events go through the access path, to the access stream")
    func accessPath() async throws {
        let (backend, practice) = try await Self.world()
        let position = try await backend.transaction { tx in
            try tx.log.recordAccess(Self.event("anything", "access.phi_viewed"), tenant: practice.id)
        }
        #expect(backend.events(of: practice.id).last.map { "\($0.position) \($0.streamID)" } == "\(position) access")
        await #expect(throws: EventStoreError.self) {
            try await backend.transaction { tx in try tx.log.recordAccess(Self.event("access", "claim.created"), tenant: practice.id) }
        }
    }

    @Test("interchange numbers are drawn per sender outside the transaction: a rolled-back draw is a gap, never a reuse")
    func interchangeNumbers() async throws {
        let backend = InMemoryBackend()
        let counter = try await backend.interchangeCounter()
        struct Stop: Error {}
        await #expect(throws: Stop.self) {
            try await backend.transaction { _ in
                _ = try counter("NWBILLING")
                throw Stop()
            }
        }
        #expect(try counter("NWBILLING") == 2)
        #expect(try counter("OTHER") == 1)
        #expect(try await backend.asLogin("jdoe").interchangeCounter()("NWBILLING") == 3, "one counter for every login of the record")
    }
}
