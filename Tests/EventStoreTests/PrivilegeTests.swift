import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("The log is written one way only")
struct PrivilegeTests {
    @Test("UPDATE, DELETE and TRUNCATE on the log fail for a staff login and for the owner")
    func noChanges() async throws {
        let database = try await TestDatabase.create("es_priv")
        let owner = try await database.connect()
        let tenant = try await Fixtures.tenants(["acme"], in: owner)[0]
        _ = try await owner.withTransaction { try EventLog.append(AppendRequest(tenant: tenant, events: [Fixtures.event("claim-1")]), in: $0) }
        let login = try await Fixtures.staffLogin(assignedTo: [tenant], in: owner)
        let staff = try await database.connect(as: login)
        for statement in ["UPDATE rcm.events SET db_user = 'x'", "DELETE FROM rcm.events", "TRUNCATE rcm.events"] {
            let asStaff = await #expect(throws: PostgresError.self) { try await staff.run { try $0.executeScript(statement, name: "attack") } }
            #expect(asStaff?.sqlState == "42501", "staff: \(statement)")
            let asOwner = await #expect(throws: PostgresError.self) { try await owner.run { try $0.executeScript(statement, name: "attack") } }
            #expect(asOwner?.sqlState == "42501", "owner: \(statement)")
        }
        await database.drop()
    }

    @Test("a staff login cannot INSERT into the log or move a head row, and its appends carry its own login")
    func staffAppendsOnlyThroughTheFunction() async throws {
        let database = try await TestDatabase.create("es_staff")
        let owner = try await database.connect()
        let tenants = try await Fixtures.tenants(["acme", "other"], in: owner)
        let login = try await Fixtures.staffLogin(assignedTo: [tenants[0]], in: owner)
        let staff = try await database.connect(as: login)
        let insert = await #expect(throws: PostgresError.self) {
            try await staff.run { session in
                try session.execute(
                    SQL("forge", """
                        INSERT INTO rcm.events (tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version,
                          payload, metadata, effective_date, recorded_at, db_user, prev_hash, hash)
                        VALUES ($1, 1, 's', 1, gen_random_uuid(), 'x.y', 1, '{}', '{}', current_date, now(), 'ceo', $2, $2)
                        """), [tenants[0].sqlParameter, Data(count: 32).sqlParameter])
            }
        }
        #expect(insert?.sqlState == "42501")
        let head = await #expect(throws: PostgresError.self) {
            try await staff.run { try $0.execute(SQL("move_head", "UPDATE rcm.log_heads SET position = 99 WHERE tenant_id = $1"), [tenants[0]]) }
        }
        #expect(head?.sqlState == "42501")

        let result = try await staff.withTransaction {
            try EventLog.append(AppendRequest(tenant: tenants[0], events: [Fixtures.event("claim-1", actor: "somebody-else")]), in: $0)
        }
        let stored = try await owner.run { try EventLog.readLog(tenant: tenants[0], after: 0, in: $0) }
        #expect(stored.first?.position == result.events[0].position)
        #expect(stored.first?.dbUser == login)

        await #expect(throws: EventStoreError.notPermitted(tenants[1])) {
            try await staff.withTransaction { try EventLog.append(AppendRequest(tenant: tenants[1], events: [Fixtures.event("claim-1")]), in: $0) }
        }
        _ = try await owner.withTransaction { try EventLog.append(AppendRequest(tenant: tenants[1], events: [Fixtures.event("claim-1")]), in: $0) }
        let visible = try await staff.query(SQL("count_other", "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1"), [tenants[1]])
        #expect(try visible.first!.decode("n", as: Int64.self) == 0)
        await database.drop()
    }
}
