import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 15's attacks, each run as the login that tried it (a staff login of one practice, an auditor) with raw
/// SQL, as psql would send it: refused, or without effect. The grants behind them are pinned by GrantCatalogTests.
@Suite("The write path is closed to a staff login's and an auditor's raw SQL")
struct WritePathAttackTests {
    /// A company, practices acme and other, and a staff login assigned to acme only.
    struct Scene {
        let database: TestDatabase
        let owner: Connection
        let company: TenantID
        let acme: TenantID
        let other: TenantID
        let login: String
        let staff: Connection

        static func make(_ name: String) async throws -> Scene {
            let database = try await TestDatabase.create(name)
            let owner = try await database.connect()
            let tenants = try await Fixtures.tenants(["acme", "other"], in: owner)
            let company = try await owner.run { try TenantDirectory.company(in: $0)!.id }
            let login = try await Fixtures.staffLogin(assignedTo: [tenants[0]], in: owner)
            return Scene(
                database: database, owner: owner, company: company, acme: tenants[0], other: tenants[1], login: login,
                staff: try await database.connect(as: login))
        }

        /// The SQL state a raw statement fails with as `connection` (nil when it succeeds).
        func refusal(_ statement: String, _ parameters: [any SQLBindable] = [], as connection: Connection) async -> String? {
            do {
                _ = try await connection.withTransaction { try $0.query(SQL("attack", statement, prepared: false), parameters) }
                return nil
            } catch let error as PostgresError {
                return error.sqlState ?? "?"
            } catch {
                return "\(error)"
            }
        }

        func count(_ statement: String, _ parameters: [any SQLBindable] = [], as connection: Connection? = nil) async throws -> Int64 {
            try await (connection ?? owner).query(SQL("attack_count", statement, prepared: false), parameters).first!.decode("n")
        }
    }

    static let appendSQL = """
        SELECT * FROM rcm.append_events($1, ARRAY['company'], ARRAY[-1]::bigint[], ARRAY['company'], ARRAY[gen_random_uuid()],
            ARRAY[$2::text], ARRAY[$3::integer], ARRAY[$4::jsonb], ARRAY['{"actor": "x", "source": "psql"}'::jsonb],
            ARRAY[current_date], NULL)
        """

    @Test("staff cannot append company events (assign itself, change the submitter, onboard another practice)")
    func companyEventsOnlyFromOwners() async throws {
        let scene = try await Scene.make("wp_company")
        let forgeries: [(String, Int, String)] = [
            ("company.staff_assigned", 2, #"{"tenantID": "\#(scene.other)", "login": "\#(scene.login)"}"#),
            ("company.submitter_configured", 1, #"{"senderID": "EVILSENDER"}"#),
            ("company.practice_onboarded", 1, #"{"tenantID": "\#(scene.other)", "npi": "1234567893"}"#),
        ]
        for (type, version, payload) in forgeries {
            let state = await scene.refusal(Self.appendSQL, [scene.company, type, version, payload], as: scene.staff)
            #expect(state == "42501", "\(type)")
        }
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1", [scene.company]) == 0)
        // The owner's administration still appends them.
        #expect(await scene.refusal(Self.appendSQL, [scene.company, "company.payer_added", 1, #"{"payerID": "aetna"}"#], as: scene.owner) == nil)
        await scene.database.drop()
    }

    @Test("staff read of the company log: payers, submitter, their practices' onboarding and their own assignments only")
    func companyLogReadInPart() async throws {
        let scene = try await Scene.make("wp_company_read")
        let appended: [(String, Int, String)] = [
            ("company.payer_added", 1, #"{"payerID": "aetna"}"#),
            ("company.submitter_configured", 1, #"{"senderID": "NWBILLING"}"#),
            ("company.practice_onboarded", 1, #"{"tenantID": "\#(scene.acme)", "slug": "acme"}"#),
            ("company.practice_onboarded", 1, #"{"tenantID": "\#(scene.other)", "slug": "other", "taxID": "999999999"}"#),
            ("company.staff_assigned", 2, #"{"tenantID": "\#(scene.acme)", "login": "\#(scene.login)"}"#),
            ("company.staff_assigned", 2, #"{"tenantID": "\#(scene.other)", "login": "somebody_else"}"#),
            ("identity.signed_in", 1, #"{"login": "somebody_else"}"#),
        ]
        for (type, version, payload) in appended {
            #expect(await scene.refusal(Self.appendSQL, [scene.company, type, version, payload], as: scene.owner) == nil)
        }
        let seen = try await scene.staff.query(
            SQL("company_seen", "SELECT event_type, payload::text AS payload FROM rcm.events WHERE tenant_id = $1 ORDER BY position"),
            [scene.company]
        ).rows.map { "\(try $0.decode("event_type", as: String.self)) \(try $0.decode("payload", as: String.self))" }
        #expect(seen.count == 4)
        #expect(seen.allSatisfy { !$0.contains(scene.other.description) && !$0.contains("somebody_else") })
        #expect(seen.contains { $0.hasPrefix("company.practice_onboarded") && $0.contains(scene.acme.description) })
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1", [scene.company]) == 7)
        await scene.database.drop()
    }

    @Test("PHI: no SELECT, DELETE or UPDATE by SQL; the read functions record access.phi_viewed; no reach into another practice")
    func phiOnlyThroughRecordedFunctions() async throws {
        let scene = try await Scene.make("wp_phi")
        for tenant in [scene.acme, scene.other] {
            _ = try await scene.owner.query(
                SQL("phi_seed", """
                    INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, first_name, last_name, date_of_birth, salt, digest)
                    VALUES ($1, 'pk-1', 'Zebediah', 'Quaxworth', '1988-04-12', $2, 'd')
                    """), [tenant, Data(count: 32)])
        }
        for statement in [
            "SELECT * FROM rcm_phi.patient_identities", "SELECT * FROM rcm_phi.x12_files", "SELECT * FROM rcm_phi.data_keys",
            "DELETE FROM rcm_phi.patient_identities", "DELETE FROM rcm_phi.x12_files", "UPDATE rcm_phi.x12_files SET bytes = ''",
            "TRUNCATE rcm_phi.patient_identities", "LOCK TABLE rcm_phi.patient_identities IN ACCESS EXCLUSIVE MODE",
        ] {
            #expect(await scene.refusal(statement, as: scene.staff) == "42501", "\(statement)")
        }
        let accessCount = "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1 AND event_type = 'access.phi_viewed' AND db_user = $2"
        let names = try await scene.staff.withTransaction { session in
            let read = SQL("phi_read", "SELECT last_name FROM rcm_phi.read_identity($1, 'pk-1', 'attack test')")
            let first: String = try session.query(read, [scene.acme]).first!.decode("last_name")
            let second: String = try session.query(read, [scene.acme]).first!.decode("last_name")
            return [first, second]
        }
        #expect(names == ["Quaxworth", "Quaxworth"])
        #expect(try await scene.count(accessCount, [scene.acme, scene.login]) == 1)
        #expect(await scene.refusal("SELECT * FROM rcm_phi.read_identity($1, 'pk-1', 'x')", [scene.other], as: scene.staff) == "42501")
        #expect(await scene.refusal("SELECT rcm_phi.forget_identity($1, 'pk-1')", [scene.other], as: scene.staff) == "42501")
        #expect(await scene.refusal("SELECT * FROM rcm_phi.read_identity($1, 'pk-1', 'x')", [scene.company], as: scene.staff) == "42501")
        #expect(await scene.refusal("SELECT rcm_phi.forget_identity($1, 'pk-1')", [scene.acme], as: scene.staff) == nil)
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm_phi.patient_identities WHERE patient_key = 'pk-1'") == 1)

        let auditor = try await Self.login(group: "rcm_auditor", in: scene)
        #expect(await scene.refusal("SELECT * FROM rcm_phi.read_identity($1, 'pk-1', 'x')", [scene.other], as: auditor) == "42501")
        #expect(await scene.refusal("SELECT * FROM rcm_phi.patient_identities", as: auditor) == "42501")
        await scene.database.drop()
    }

    @Test("an auditor records only access.phi_viewed, as itself, dated today, with a bounded payload")
    func auditorAccessEvents() async throws {
        let scene = try await Scene.make("wp_auditor")
        let auditor = try await Self.login(group: "rcm_auditor", in: scene)
        let auditorName = try await auditor.query(SQL("who", "SELECT session_user AS n")).first!.decode("n", as: String.self)
        let record = "SELECT rcm.record_access($1, gen_random_uuid(), $2, 2, $3::jsonb, $4::jsonb, $5::date) AS position"
        let today = try await scene.owner.query(
            SQL("today", "SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS d FROM rcm.tenants WHERE tenant_id = $1"), [scene.acme]
        ).first!.decode("d", as: String.self)
        let payload = #"{"record": "claim:c-1", "purpose": "audit", "sensitive": false}"#
        let metadata = #"{"actor": "the-ceo", "source": "psql"}"#
        let big = #"{"record": "claim:c-1", "purpose": "\#(String(repeating: "x", count: 100_000))", "sensitive": false}"#
        #expect(await scene.refusal(record, [scene.acme, "access.anything", payload, metadata, today], as: auditor) == "RC002")
        #expect(await scene.refusal(record, [scene.acme, "access.phi_viewed", big, metadata, today], as: auditor) == "RC002")
        #expect(await scene.refusal(record, [scene.acme, "access.phi_viewed", #"{"record": "c", "purpose": "p", "sensitive": false, "x": 1}"#, metadata, today], as: auditor) == "RC002")
        #expect(await scene.refusal(record, [scene.company, "access.phi_viewed", payload, metadata, today], as: auditor) == "42501")
        #expect(await scene.refusal(record, [scene.acme, "access.phi_viewed", payload, metadata, today], as: auditor) == nil)
        // A business date in the past (RCM_BUSINESS_DATE) is carried as data; the record is dated by the database's clock.
        #expect(await scene.refusal(record, [scene.acme, "access.phi_viewed", payload, metadata, "2020-01-01"], as: auditor) == nil)
        let recorded = try await scene.owner.query(
            SQL(
                "actors",
                """
                SELECT metadata ->> 'actor' AS actor, db_user, to_char(effective_date, 'YYYY-MM-DD') AS dated,
                       coalesce(metadata ->> 'business_date', '') AS business
                FROM rcm.events WHERE tenant_id = $1 ORDER BY position
                """), [scene.acme]
        ).rows.map { row in try ["actor", "db_user", "dated", "business"].map { try row.decode($0, as: String.self) } }
        #expect(recorded == [[auditorName, auditorName, today, ""], [auditorName, auditorName, today, "2020-01-01"]])
        await scene.database.drop()
    }

    @Test("staff cannot lock, truncate or delete from a shared table; the definer prune touches only its own practices")
    func noLockOnSharedTables() async throws {
        let scene = try await Scene.make("wp_lock")
        var tables = ["rcm.checkpoints", "rcm.events", "rcm.log_heads", "rcm.tenants", "rcm.api_idempotency", "rcm.webhook_subscriptions",
                      "rcm.webhook_attempts", "rcm.webhook_dead_letters", "rcm_analytics_store.alerts"]
        tables += ["claim_status", "denials", "ar_activity", "ar_open", "claim_index", "session_index", "account_index",
                   "remittances", "remittance_plb", "remittance_unapplied", "ar_open_rollup", "aging_history"].map { "rcm_analytics_store.\($0)" }
        for table in tables {
            for statement in ["LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE", "LOCK TABLE \(table) IN SHARE MODE", "TRUNCATE \(table)", "DELETE FROM \(table)"] {
                #expect(await scene.refusal(statement, as: scene.staff) == "42501", "\(statement)")
            }
        }
        let row = """
            INSERT INTO rcm_analytics_store.ar_open (tenant_id, side, payer_id, rendering_provider, service_date, open_amount, credit_amount, claims)
            VALUES ($1, 'insurance', 'aetna', 'dr-lee', '2026-06-01', 0, 0, 0)
            """
        _ = try await scene.owner.query(SQL("open_row", row, prepared: false), [scene.other])
        _ = try await scene.staff.query(SQL("open_row", row, prepared: false), [scene.acme])
        let prune = """
            SELECT rcm_analytics_store.prune_ar_open($1::uuid, ARRAY['insurance'], ARRAY['aetna'], ARRAY['dr-lee'], ARRAY['2026-06-01'::date]) AS n
            """
        #expect(try await scene.count(prune, [scene.other], as: scene.staff) == 0)
        #expect(try await scene.count(prune, [scene.acme], as: scene.staff) == 1)
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm_analytics_store.ar_open") == 1)
        // The rollup's prune likewise (V0020).
        let rollupRow = """
            INSERT INTO rcm_analytics_store.ar_open_rollup (tenant_id, anchor, grain, period_start, side, payer_id, rendering_provider,
                open_amount, credit_amount, claims, claims_once)
            VALUES ($1, 'service', 4, '2026-06-01', 'insurance', 'aetna', 'dr-lee', 0, 0, 0, 0)
            """
        _ = try await scene.owner.query(SQL("rollup_row", rollupRow, prepared: false), [scene.other])
        _ = try await scene.staff.query(SQL("rollup_row", rollupRow, prepared: false), [scene.acme])
        let rollupPrune = """
            SELECT rcm_analytics_store.prune_ar_open_rollup($1::uuid, ARRAY['service'], ARRAY[4], ARRAY['2026-06-01'::date],
                ARRAY['insurance'], ARRAY['aetna'], ARRAY['dr-lee']) AS n
            """
        #expect(try await scene.count(rollupPrune, [scene.other], as: scene.staff) == 0)
        #expect(try await scene.count(rollupPrune, [scene.acme], as: scene.staff) == 1)
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm_analytics_store.ar_open_rollup") == 1)
        await scene.database.drop()
    }

    @Test("a 42 CFR Part 2 patient's reads are recorded sensitive, whatever the caller says")
    func partTwoReadsAreSensitive() async throws {
        let scene = try await Scene.make("wp_part2")
        for key in ["pk-sud", "pk-plain"] {
            _ = try await scene.owner.query(
                SQL("phi_seed", """
                    INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, first_name, last_name, date_of_birth, salt, digest)
                    VALUES ($1, $2, 'Zebediah', 'Quaxworth', '1988-04-12', $3, 'd')
                    """), [scene.acme, key, Data(count: 32)])
        }
        // A session with a substance-use diagnosis marks its patient (as main's session.logged carries it).
        let session = #"{"record": {"patientKey": "pk-sud", "sessionID": "s-1"}, "substanceUse": true, "effectiveDate": "2026-03-03"}"#
        _ = try await scene.owner.query(
            SQL("sud_session", """
                SELECT * FROM rcm.append_events($1, ARRAY['session-s-1'], ARRAY[-1]::bigint[], ARRAY['session-s-1'], ARRAY[gen_random_uuid()],
                    ARRAY['session.logged'], ARRAY[1], ARRAY[$2::jsonb], ARRAY['{"actor": "x", "source": "test"}'::jsonb], ARRAY[current_date], NULL)
                """, prepared: false), [scene.acme, session])
        let record = "SELECT rcm.record_access($1, gen_random_uuid(), 'access.phi_viewed', 2, $2::jsonb, '{}'::jsonb, NULL) AS position"
        for key in ["pk-sud", "pk-plain"] {
            _ = try await scene.staff.query(SQL("phi_read", "SELECT last_name FROM rcm_phi.read_identity($1, $2, 'treatment')"), [scene.acme, key])
            let claimed = #"{"record": "patient:\#(key)", "purpose": "audit", "sensitive": false, "patientKey": "\#(key)"}"#
            #expect(await scene.refusal(record, [scene.acme, claimed], as: scene.staff) == nil)
        }
        // A claim of the Part 2 patient for other treatment is not a Part 2 record (its own stream says so).
        let otherClaim = #"{"record": "claim:c-9", "purpose": "audit", "sensitive": false, "patientKey": "pk-sud"}"#
        #expect(await scene.refusal(record, [scene.acme, otherClaim], as: scene.staff) == nil)
        let sensitive = try await scene.owner.query(
            SQL("sensitive", """
                SELECT payload ->> 'patientKey' AS key, payload ->> 'sensitive' AS sensitive FROM rcm.events
                WHERE tenant_id = $1 AND event_type = 'access.phi_viewed' ORDER BY position
                """), [scene.acme]
        ).rows.map { "\(try $0.decode("key", as: String.self)) \(try $0.decode("sensitive", as: String.self))" }
        #expect(sensitive == ["pk-sud true", "pk-sud true", "pk-plain false", "pk-plain false", "pk-sud false"])
        await scene.database.drop()
    }

    @Test("staff release only their own unfinished idempotency keys, through the owner's function")
    func idempotencyKeysReleasedThroughTheFunction() async throws {
        let scene = try await Scene.make("wp_idem")
        let claim = "INSERT INTO rcm.api_idempotency (tenant_id, idem_key, request_sha256) VALUES ($1, $2, repeat('a', 64))"
        #expect(await scene.refusal(claim, [scene.acme, "k-done"], as: scene.staff) == nil)
        #expect(await scene.refusal(claim, [scene.acme, "k-open"], as: scene.staff) == nil)
        #expect(await scene.refusal(claim, [scene.other, "k-other"], as: scene.staff) == "42501")
        let complete = "UPDATE rcm.api_idempotency SET status = 201, completed_at = statement_timestamp() WHERE tenant_id = $1 AND idem_key = 'k-done'"
        #expect(await scene.refusal(complete, [scene.acme], as: scene.staff) == nil)
        #expect(await scene.refusal("UPDATE rcm.api_idempotency SET tenant_id = $1", [scene.other], as: scene.staff) == "42501")
        _ = try await scene.owner.query(
            SQL("other_key", "INSERT INTO rcm.api_idempotency (tenant_id, role, idem_key, request_sha256) VALUES ($1, 'somebody_else', 'k-open', repeat('b', 64))"),
            [scene.acme])
        let release = "SELECT CASE WHEN rcm.release_idempotency_key($1, $2) THEN 1 ELSE 0 END::bigint AS n"
        #expect(try await scene.count(release, [scene.acme, "k-done"], as: scene.staff) == 0)
        #expect(try await scene.count(release, [scene.other, "k-open"], as: scene.staff) == 0)
        #expect(try await scene.count(release, [scene.acme, "k-open"], as: scene.staff) == 1)
        #expect(try await scene.count("SELECT count(*) AS n FROM rcm.api_idempotency") == 2, "the completed key and somebody else's stay")
        await scene.database.drop()
    }

    /// A login of a group (auditor, analyst), connected.
    static func login(group: String, in scene: Scene) async throws -> Connection {
        let login = "rcm_test_\(group.dropFirst(4))_\(UInt32.random(in: 0...UInt32.max))"
        try await scene.owner.run { session in
            try session.executeScript("CREATE ROLE \(try session.quotedIdentifier(login)) LOGIN IN ROLE \(group)", name: "create_login")
        }
        return try await scene.database.connect(as: login)
    }
}
