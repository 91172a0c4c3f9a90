import EventStore
import Foundation
import Postgres
import TestSupport

/// Helpers shared by the event-store tests.
enum Fixtures {
    static func metadata(_ actor: String = "tester") -> EventMetadata {
        EventMetadata(actor: actor, source: "test", correlationID: UUID())
    }

    static func event(_ stream: String, type: String = "test.happened", payload: String = #"{"n": 1}"#, actor: String = "tester")
        -> NewEvent
    {
        NewEvent(
            eventID: UUID(), streamID: stream, eventType: type, schemaVersion: 1, payload: JSONText(payload),
            metadata: metadata(actor), effectiveDate: "2026-06-30")
    }

    /// Creates practice tenants (and the company tenant) as the owner.
    static func tenants(_ slugs: [String], in connection: Connection) async throws -> [TenantID] {
        try await connection.run { session in
            if try TenantDirectory.company(in: session) == nil {
                _ = try TenantDirectory.create(id: TenantID(UUID()), slug: "company", kind: .company, timeZone: "America/New_York", in: session)
            }
            return try slugs.map { slug in
                try TenantDirectory.create(id: TenantID(UUID()), slug: slug, kind: .practice, timeZone: "America/Chicago", in: session).id
            }
        }
    }

    /// Creates a staff login assigned to the given tenants; returns its name.
    static func staffLogin(assignedTo tenants: [TenantID], in connection: Connection) async throws -> String {
        let login = "rcm_test_staff_\(UInt32.random(in: 0...UInt32.max))"
        try await connection.run { session in
            try session.executeScript("CREATE ROLE \(try session.quotedIdentifier(login)) LOGIN IN ROLE rcm_staff", name: "create_login")
            for tenant in tenants {
                try session.query(SQL("assign", "SELECT rcm.assign_staff($1, $2)"), [tenant, login])
            }
        }
        return login
    }

    /// A superuser connection to the test database (for tampering, as an attacker with the keys would).
    static func superuser(_ database: TestDatabase) async throws -> Connection {
        try await Connection.connect(database.settings.login("postgres"))
    }
}
