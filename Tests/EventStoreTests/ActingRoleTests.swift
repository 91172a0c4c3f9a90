import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The server's login acts as one person per transaction (decision 0006): `rcm.acting_role()` decides.
@Suite("Acting as a person through the server's login")
struct ActingRoleTests {
    static let setRole = SQL("acting_set_role", "SELECT set_config('role', $1, true)")
    static let countEvents = SQL("acting_count_events", "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1")
    static let accessible = SQL("acting_accessible", "SELECT rcm.accessible_tenants() AS tenants")
    static let acting = SQL("acting_role", "SELECT rcm.acting_role() AS role")

    /// Two practices with an event each; a staff person assigned to the first, enabled for the server.
    struct Scene {
        let database: TestDatabase
        let acme: TenantID
        let other: TenantID
        let person: String
        let server: Connection

        static func make(_ name: String) async throws -> Scene {
            let database = try await TestDatabase.create(name)
            let owner = try await database.connect()
            let tenants = try await Fixtures.tenants(["acme", "other"], in: owner)
            for tenant in tenants {
                _ = try await owner.withTransaction { try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-1")]), in: $0) }
            }
            let person = try await Fixtures.staffLogin(assignedTo: [tenants[0]], in: owner)
            try await owner.run { try $0.executeScript("GRANT \(try $0.quotedIdentifier(person)) TO rcm_server", name: "enable_server") }
            return Scene(database: database, acme: tenants[0], other: tenants[1], person: person, server: try await database.connect(as: "rcm_server"))
        }
    }

    @Test("a staff role acting from rcm_server sees exactly its practices, and its appends carry that role")
    func actingSeesItsPractices() async throws {
        let scene = try await Scene.make("acting_sees")
        let (acme, other, role, dbUser) = try await scene.server.withTransaction { session in
            try session.query(Self.setRole, [scene.person])
            let acme: Int64 = try session.query(Self.countEvents, [scene.acme]).first!.decode("n")
            let other: Int64 = try session.query(Self.countEvents, [scene.other]).first!.decode("n")
            let role: String = try session.query(Self.acting).first!.decode("role")
            let appended = try EventLog.append(AppendRequest(tenant: scene.acme, events: [Fixtures.event("claim-2")]), in: session)
            let stored = try EventLog.readLog(tenant: scene.acme, after: appended.events[0].position - 1, in: session)
            return (acme, other, role, stored.first?.dbUser)
        }
        #expect(acme == 1 && other == 0)
        #expect(role == scene.person)
        #expect(dbUser == scene.person)
        await #expect(throws: EventStoreError.notPermitted(scene.other)) {
            try await scene.server.withTransaction { session in
                try session.query(Self.setRole, [scene.person])
                return try EventLog.append(AppendRequest(tenant: scene.other, events: [Fixtures.event("claim-9")]), in: session)
            }
        }
        await scene.database.drop()
    }

    @Test("rcm_server without a role sees no practice data and may not append, though it is a member of a person")
    func serverAloneSeesNothing() async throws {
        let scene = try await Scene.make("acting_alone")
        let read = await #expect(throws: PostgresError.self) { try await scene.server.query(Self.countEvents, [scene.acme]) }
        #expect(read?.sqlState == "42501")
        let tenants = await #expect(throws: PostgresError.self) { try await scene.server.query(Self.accessible) }
        #expect(tenants?.sqlState == "42501")
        let append = await #expect(throws: (any Error).self) {
            try await scene.server.withTransaction { try EventLog.append(AppendRequest(tenant: scene.acme, events: [Fixtures.event("claim-3")]), in: $0) }
        }
        #expect(append != nil)
        // The role ends with the transaction: the next one is the bare login again.
        _ = try await scene.server.withTransaction { try $0.query(Self.setRole, [scene.person]) }
        let after: String = try await scene.server.query(Self.acting).first!.decode("role")
        #expect(after == "rcm_server")
        await scene.database.drop()
    }

    @Test("a person cannot set the role to another person, nor the server's login to a role it was not given")
    func noActingAsAnother() async throws {
        let scene = try await Scene.make("acting_other")
        let owner = try await scene.database.connect()
        let second = try await Fixtures.staffLogin(assignedTo: [scene.other], in: owner)
        let person = try await scene.database.connect(as: scene.person)
        let asOther = await #expect(throws: PostgresError.self) {
            try await person.withTransaction { try $0.query(Self.setRole, [second]) }
        }
        #expect(asOther?.sqlState == "42501")
        let serverAsSecond = await #expect(throws: PostgresError.self) {
            try await scene.server.withTransaction { try $0.query(Self.setRole, [second]) }
        }
        #expect(serverAsSecond?.sqlState == "42501")
        // Setting its own group is allowed and narrows: the group has no assignments.
        let narrowed: Int64 = try await person.withTransaction { session in
            try session.query(Self.setRole, ["rcm_staff"])
            return try session.query(Self.countEvents, [scene.acme]).first!.decode("n")
        }
        #expect(narrowed == 0)
        await scene.database.drop()
    }
}
