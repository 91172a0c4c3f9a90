import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The bulk paths of a file import (V0023): `rcm.append_events_each` (each event its own append under its own key) and
/// `rcm_phi.read_identities` (many identities, each read recorded), held to the rules of the functions they batch.
@Suite("Bulk import functions keep the append function's and the PHI read's rules")
struct BulkImportFunctionTests {
    typealias Scene = WritePathAttackTests.Scene

    static func keyed(_ stream: String, _ key: String) -> KeyedEvent {
        KeyedEvent(Fixtures.event(stream, type: "eligibility.checked"), idempotencyKey: key)
    }

    @Test("append_events_each: each key appends once (across calls and within one), streams continue, the chain verifies")
    func eachKeyOnce() async throws {
        let scene = try await Scene.make("bulk_each")
        let first = try await scene.staff.withTransaction { session in
            _ = try EventLog.append(AppendRequest(tenant: scene.acme, events: [Fixtures.event("eligibility-pk-1")]), in: session)
            return try EventLog.appendEach(
                tenant: scene.acme, [Self.keyed("eligibility-pk-1", "t-1"), Self.keyed("eligibility-pk-2", "t-2"), Self.keyed("eligibility-pk-1", "t-1")],
                in: session)
        }
        #expect(first.map(\.replayed) == [false, false, true])
        #expect(first.map(\.event.position) == [2, 3, 2])
        #expect(first.map(\.event.streamVersion) == [2, 1, 2], "a stream continues from its version")
        // An overlapping call: t-2 again (recorded before), t-3 new, t-3 twice.
        let second = try await scene.staff.withTransaction { session in
            try EventLog.appendEach(
                tenant: scene.acme, [Self.keyed("eligibility-pk-2", "t-2"), Self.keyed("eligibility-pk-3", "t-3"), Self.keyed("eligibility-pk-3", "t-3")],
                in: session)
        }
        #expect(second.map(\.replayed) == [true, false, true])
        #expect(second[0].event == first[1].event, "a used key answers with its first event")
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1", [scene.acme]) == 4)
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.idempotency_keys WHERE tenant_id = $1", [scene.acme]) == 3)
        #expect(
            try await scene.count(
                "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1 AND metadata ->> 'idempotency_key' = 't-3' AND db_user = $2", [scene.acme, scene.login])
                == 1, "the key in the event's metadata, the acting login as db_user")
        #expect(try await scene.staff.run { try EventLog.usedKeys(tenant: scene.acme, among: ["t-1", "t-3", "t-9"], in: $0) } == ["t-1", "t-3"])
        let report = try await scene.owner.run { try ChainVerifier.verify(tenant: scene.acme, in: $0) }
        #expect(report.isIntact && report.count == 4, "\(report)")
        await scene.database.drop()
    }

    @Test("append_events_each: only staff of the practice; every event needs its key; a refused call writes nothing")
    func appendRefusals() async throws {
        let scene = try await Scene.make("bulk_each_refused")
        for tenant in [scene.other, scene.company] {
            await #expect(throws: EventStoreError.self) {
                try await scene.staff.withTransaction { try EventLog.appendEach(tenant: tenant, [Self.keyed("eligibility-pk-1", "t-1")], in: $0) }
            }
        }
        let each = """
            SELECT * FROM rcm.append_events_each($1, ARRAY['s-1'], ARRAY[gen_random_uuid()], ARRAY['t.x'], ARRAY[1], ARRAY['{}'::jsonb],
                ARRAY['{"actor": "x", "source": "psql"}'::jsonb], ARRAY[current_date], ARRAY[$2::text])
            """
        let auditor = try await WritePathAttackTests.login(group: "rcm_auditor", in: scene)
        #expect(await scene.refusal(each, [scene.acme, "t-1"], as: auditor) == "42501")
        #expect(await scene.refusal(each, [scene.acme, String?.none], as: scene.staff) == "RC002")
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.events WHERE tenant_id <> $1", [scene.company]) == 0)
        await scene.database.drop()
    }

    @Test("read_identities: the practice checked; one access record per patient, none twice in a transaction; Part 2 sensitive")
    func identitiesRecorded() async throws {
        let scene = try await Scene.make("bulk_identities")
        for (tenant, key) in [(scene.acme, "pk-1"), (scene.acme, "pk-2"), (scene.acme, "pk-sud"), (scene.other, "pk-1")] {
            _ = try await scene.owner.query(
                SQL("phi_seed", """
                    INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, first_name, last_name, date_of_birth, salt, digest)
                    VALUES ($1, $2, 'Zebediah', 'Quaxworth', '1988-04-12', $3, 'd')
                    """), [tenant, key, Data(count: 32)])
        }
        let session = #"{"record": {"patientKey": "pk-sud", "sessionID": "s-1"}, "substanceUse": true, "effectiveDate": "2026-03-03"}"#
        _ = try await scene.owner.query(
            SQL("sud_session", """
                SELECT * FROM rcm.append_events($1, ARRAY['session-s-1'], ARRAY[-1]::bigint[], ARRAY['session-s-1'], ARRAY[gen_random_uuid()],
                    ARRAY['session.logged'], ARRAY[1], ARRAY[$2::jsonb], ARRAY['{"actor": "x", "source": "test"}'::jsonb], ARRAY[current_date], NULL)
                """, prepared: false), [scene.acme, session])
        let many = SQL("phi_read_many", "SELECT patient_key, last_name FROM rcm_phi.read_identities($1, $2::text[], 'import') ORDER BY patient_key")
        let read = try await scene.staff.withTransaction { session in
            _ = try session.query(SQL("phi_read", "SELECT last_name FROM rcm_phi.read_identity($1, 'pk-1', 'import')"), [scene.acme])
            let first = try session.query(many, [scene.acme, SQLParameter.textArray(["pk-1", "pk-2", "pk-sud", "pk-2"])]).rows
            let again = try session.query(many, [scene.acme, SQLParameter.textArray(["pk-2", "pk-sud"])]).rows
            return try (first + again).map { "\(try $0.decode("patient_key", as: String.self)) \(try $0.decode("last_name", as: String.self))" }
        }
        #expect(read == ["pk-1 Quaxworth", "pk-2 Quaxworth", "pk-sud Quaxworth", "pk-2 Quaxworth", "pk-sud Quaxworth"])
        let recorded = try await scene.owner.query(
            SQL("recorded", """
                SELECT payload ->> 'patientKey' AS key, payload ->> 'sensitive' AS sensitive, db_user FROM rcm.events
                WHERE tenant_id = $1 AND event_type = 'access.phi_viewed' ORDER BY position
                """), [scene.acme]
        ).rows.map { "\(try $0.decode("key", as: String.self)) \(try $0.decode("sensitive", as: String.self)) \(try $0.decode("db_user", as: String.self))" }
        #expect(recorded == ["pk-1 false \(scene.login)", "pk-2 false \(scene.login)", "pk-sud true \(scene.login)"])

        let refused = "SELECT * FROM rcm_phi.read_identities($1, ARRAY['pk-1'], 'x')"
        #expect(await scene.refusal(refused, [scene.other], as: scene.staff) == "42501")
        #expect(await scene.refusal(refused, [scene.company], as: scene.staff) == "42501")
        let auditor = try await WritePathAttackTests.login(group: "rcm_auditor", in: scene)
        #expect(await scene.refusal(refused, [scene.acme], as: auditor) == "42501")
        #expect(await scene.refusal("SELECT rcm_phi.record_reads($1, ARRAY['pk-1'], 'x')", [scene.acme], as: scene.staff) == "42501")
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1", [scene.other]) == 0)
        await scene.database.drop()
    }
}
