@_spi(Benchmark) import Application
import Billing
import Demo
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Rows kept before sealing (V0010), written here through the benchmark's clear baseline: they read as they
/// are, and `rotateKeys` seals and indexes them, after which they read, are found by the duplicate check and
/// by forget, and no column holds them in clear text.
@Suite("Rows kept before sealing")
struct LegacySealingTests {
    @Test("key rotation seals identities and files kept in clear text; afterwards they read, the duplicate check and forget find them")
    func rotationSealsLegacyRows() async throws {
        let database = try await TestDatabase.create("legacy_seal")
        let keys = try KeyRing(keys: [KeyEncryptionKey.random()], source: "test")
        let clear = RevenueCycle(backend: try await PostgresBackend.connect(database.settings, wrapping: keys, format: .clearBaseline))
        let plan = DemoPlan.make(DemoOptions(seed: 2, scale: .small, tenants: 1, staffLogin: nil))
        let tenant = try await DemoSeeder().setUp(plan: plan, admin: clear.backend)[0].tenant
        let identity = PatientIdentity(
            firstName: "Perpetua", lastName: "Glasswing", dateOfBirth: LocalDate("1975-09-30")!, address: "8 Oriel Row, Demoville, IL 62701",
            phone: "2175550177", memberID: "PGX55501234")
        let key = try await clear.addPatient(identity, selfPay: false, tenant: tenant.slug)
        let file = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~"
            + "GS*HC*S*R*20260101*1200*1*X*005010X222A1~NM1*IL*1*GLASSWING*PERPETUA****MI*PGX55501234~"
        try await clear.backend.transaction { tx in
            _ = try PHIStore().storeFile(Array(file.utf8), direction: "inbound", kind: "835", fileName: "old.835", tenant: tenant.id, in: tx)
        }
        let connection = try await database.connect()
        let planted = ["Glasswing", "PGX55501234", "Oriel Row"]
        #expect(try await Self.clearColumns(connection, planted) > 0, "the baseline wrote clear text")

        let sealed = try await RevenueCycle.connect(settings: database.settings, wrapping: keys)
        #expect(try await sealed.showPatient(key, tenant: tenant.slug, reason: "test").identity == identity, "a clear row reads as it is")
        let report = try await sealed.rotateKeys()
        #expect(report.identitiesSealed >= 1 && report.filesSealed == 1)
        #expect(try await Self.clearColumns(connection, planted) == 0, "no column holds them in clear text after the rotation")
        #expect(try await sealed.showPatient(key, tenant: tenant.slug, reason: "test").identity == identity)
        do {
            _ = try await sealed.addPatient(identity, selfPay: false, tenant: tenant.slug)
            Issue.record("the duplicate was registered")
        } catch let rejected as CommandRejected {
            #expect(rejected.description.contains("already registered as \(key)"))
        }
        let destroyed = try await sealed.forgetPatient(key, tenant: tenant.slug, reason: "retention ended")
        #expect(destroyed.map(\.action) == [.redacted, .deleted])
        await database.drop()
    }

    /// How many of `values` some PHI column holds in clear text (identities' clear columns, raw file bytes).
    static func clearColumns(_ connection: Connection, _ values: [String]) async throws -> Int64 {
        try await connection.query(
            SQL(
                "legacy_clear",
                """
                SELECT (SELECT count(*) FROM rcm_phi.patient_identities i, unnest($1::text[]) n (v)
                        WHERE strpos(concat_ws('|', i.first_name, i.last_name, i.address, i.member_id), n.v) > 0)
                     + (SELECT count(*) FROM rcm_phi.x12_files f, unnest($1::text[]) n (v)
                        WHERE strpos(encode(f.bytes, 'escape'), upper(n.v)) > 0) AS n
                """), [SQLParameter.textArray(values)]
        ).first!.decode("n")
    }
}
