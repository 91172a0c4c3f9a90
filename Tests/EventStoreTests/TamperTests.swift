import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Tamper evidence: rcm audit verify and Scripts/verify-chain agree")
struct TamperTests {
    /// A tenant `acme` with ten events, a seal of it, and a way to run both verifiers.
    struct Scene {
        let database: TestDatabase
        let tenant: TenantID
        let sealPath: String

        static func make(_ name: String) async throws -> Scene {
            let database = try await TestDatabase.create(name)
            let connection = try await database.connect()
            let tenant = try await Fixtures.tenants(["acme"], in: connection)[0]
            for index in 1...10 {
                _ = try await connection.withTransaction {
                    try EventLog.append(
                        AppendRequest(tenant: tenant, events: [Fixtures.event("claim-\(index % 3)", payload: #"{"n": \#(index), "amount": "\#(index)0.00"}"#)]),
                        in: $0)
                }
            }
            let seal = try await connection.run { try Seal.make(tenant: tenant, in: $0) }
            let sealPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(database.name)-seal.json").path
            try seal.json.write(toFile: sealPath, atomically: true, encoding: .utf8)
            return Scene(database: database, tenant: tenant, sealPath: sealPath)
        }

        func tamper(_ statements: String) async throws {
            let superuser = try await Fixtures.superuser(database)
            try await superuser.run { session in
                try session.executeScript("SET session_replication_role = replica; " + statements, name: "tamper")
            }
        }

        /// (exit status, output) of `rcm audit verify` and of `Scripts/verify-chain`.
        func verify(withSeal: Bool = false) throws -> (rcm: Shell.Output, python: Shell.Output) {
            let seal = withSeal ? ["--seal", sealPath] : []
            let environment = ["RCM_DATABASE_URL": database.settings.conninfo]
            let rcm = try Shell.run([Repository.rcmBinary.path, "audit", "verify", "--tenant", "acme"] + seal, environment: environment, check: false)
            let python = try Shell.run(
                ["/usr/bin/env", "python3", Repository.root.appendingPathComponent("Scripts/verify-chain").path, "--tenant", "acme"] + seal,
                environment: environment, check: false)
            return (rcm, python)
        }
    }

    @Test("an untouched log verifies in both tools, with the same head hash")
    func untouched() async throws {
        let scene = try await Scene.make("tamper_none")
        let (rcm, python) = try scene.verify(withSeal: true)
        #expect(rcm.status == 0)
        #expect(python.status == 0)
        #expect(rcm.standardOutput.hasPrefix("acme: ok, 10 events, head "))
        #expect(rcm.standardOutput == python.standardOutput)
        await scene.database.drop()
    }

    @Test(
        "each kind of tampering is named at the right position by both verifiers",
        arguments: [
            ("one payload byte changed", "UPDATE rcm.events SET payload = jsonb_set(payload, '{n}', '40') WHERE position = 4", false, 4, "changed"),
            ("a metadata value changed", "UPDATE rcm.events SET metadata = metadata || '{\"actor\": \"mallory\"}' WHERE position = 6", false, 6, "changed"),
            ("a middle event deleted", "DELETE FROM rcm.events WHERE position = 5", false, 5, "missing"),
            ("the last event deleted and the head rewound", """
                DELETE FROM rcm.events WHERE position = 10;
                UPDATE rcm.log_heads h SET position = 9, head_hash = e.hash FROM rcm.events e
                WHERE e.tenant_id = h.tenant_id AND e.position = 9;
                """, true, 10, "missing"),
            ("two events' payloads swapped", """
                UPDATE rcm.events e SET payload = o.payload FROM rcm.events o
                WHERE e.tenant_id = o.tenant_id AND ((e.position = 3 AND o.position = 7) OR (e.position = 7 AND o.position = 3));
                """, false, 3, "changed"),
        ])
    func tampering(label: String, statements: String, withSeal: Bool, position: Int, kind: String) async throws {
        let scene = try await Scene.make("tamper")
        try await scene.tamper(statements)
        let (rcm, python) = try scene.verify(withSeal: withSeal)
        #expect(rcm.status == 1, "\(label): rcm exits 1")
        #expect(python.status == 1, "\(label): the Python verifier exits 1")
        #expect(rcm.standardOutput.contains("BROKEN at position \(position) (\(kind))"), "\(label): \(rcm.standardOutput)")
        #expect(python.standardOutput.contains("BROKEN at position \(position) (\(kind))"), "\(label): \(python.standardOutput)")
        await scene.database.drop()
    }

    @Test("without a seal, a carefully truncated tail goes unnoticed; that is what seals are for")
    func truncationNeedsSeal() async throws {
        let scene = try await Scene.make("tamper_tail")
        try await scene.tamper("""
            DELETE FROM rcm.events WHERE position = 10;
            UPDATE rcm.log_heads h SET position = 9, head_hash = e.hash FROM rcm.events e
            WHERE e.tenant_id = h.tenant_id AND e.position = 9;
            """)
        #expect(try scene.verify(withSeal: false).rcm.status == 0)
        #expect(try scene.verify(withSeal: true).rcm.status == 1)
        await scene.database.drop()
    }
}
