import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("HIPAA safeguards enforced by the database")
struct SecurityTests {
    /// Two practices with a patient each, and one login of each group; staff is assigned to `acme` only.
    struct Scene {
        let cli: CLI
        let staff: String
        let auditor: String
        let analyst: String
        let acmeKey: String
        let otherKey: String

        static func make(_ name: String) async throws -> Scene {
            let cli = try await CLI.make(name)
            let acmeKey = try cli.seedPractice(slug: "acme")
            _ = try cli.ok([
                "tenant", "add", "--slug", "other", "--name", "Other Practice", "--npi", "1234567893", "--tax-id", "987654321", "--street", "1 Elm St",
                "--city", "Peoria", "--state", "IL", "--zip", "616021234",
            ])
            let otherKey = try cli.ok(["patient", "add", "--tenant", "other", "--first", "Ophelia", "--last", "Zanzibarova", "--dob", "1975-02-03", "--member-id", "OZ55544433"])
            let suffix = String(UInt32.random(in: 0...UInt32.max))
            let staff = "t_staff_\(suffix)", auditor = "t_auditor_\(suffix)", analyst = "t_analyst_\(suffix)"
            _ = try cli.ok(["staff", "add", staff, "--group", "staff"])
            _ = try cli.ok(["staff", "add", auditor, "--group", "auditor"])
            _ = try cli.ok(["staff", "add", analyst, "--group", "analyst"])
            _ = try cli.ok(["staff", "assign", staff, "--tenant", "acme"])
            _ = try cli.ok(["staff", "assign", analyst, "--tenant", "acme"])
            return Scene(cli: cli, staff: staff, auditor: auditor, analyst: analyst, acmeKey: acmeKey, otherKey: otherKey)
        }

        func tenantID(_ slug: String) async throws -> TenantID {
            let owner = try await cli.database.connect()
            return try await owner.run { try TenantDirectory.find(slug, in: $0)!.id }
        }
    }

    static let relationsSQL = SQL(
        "security_relations",
        """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname LIKE 'rcm%' AND n.nspname <> 'rcm_schema'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        ORDER BY 1
        """)

    @Test("a staff login assigned to one practice cannot read or count another practice's rows through any table or view")
    func tenantIsolation() async throws {
        let scene = try await Scene.make("sec_isolation")
        let other = try await scene.tenantID("other")
        let owner = try await scene.cli.database.connect()
        let relations = try await owner.query(Self.relationsSQL).rows.map { try $0.decode("name", as: String.self) }
        #expect(relations.contains("rcm.events") && relations.contains("rcm_phi.patient_identities"))
        let staff = try await scene.cli.database.connect(as: scene.staff)
        for relation in relations {
            // Relation names come from the catalog, quoted by the server; the tenant is bound.
            let sql = SQL("count_\(relation)", "SELECT count(*) AS n FROM " + relation + " WHERE tenant_id = $1", prepared: false)
            do {
                let count: Int64 = try await staff.query(sql, [other]).first!.decode("n")
                #expect(count == 0, "\(relation) shows another practice's rows")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(relation): \(error)")
            }
        }
        // Settings a client can change do not widen it.
        let widened = try await staff.run { session -> Int64 in
            try session.executeScript("SET row_security = on; RESET ROLE", name: "try_widen")
            return try session.query(SQL("count_events_other", "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1"), [other]).first!.decode("n")
        }
        #expect(widened == 0)
        await scene.cli.database.drop()
    }

    @Test("the analyst cannot read the log or the PHI store; the auditor cannot change anything but records its reads")
    func groupPrivileges() async throws {
        let scene = try await Scene.make("sec_groups")
        let analyst = try await scene.cli.database.connect(as: scene.analyst)
        for relation in ["rcm.events", "rcm_phi.patient_identities", "rcm_phi.x12_files"] {
            let error = await #expect(throws: PostgresError.self) {
                _ = try await analyst.query(SQL("analyst_read", "SELECT count(*) FROM " + relation, prepared: false))
            }
            #expect(error?.sqlState == "42501", "analyst reads \(relation)")
        }
        let auditor = try await scene.cli.database.connect(as: scene.auditor)
        let events: Int64 = try await auditor.query(SQL("auditor_read", "SELECT count(*) AS n FROM rcm.events")).first!.decode("n")
        #expect(events > 0)
        for statement in [
            "DELETE FROM rcm.events", "UPDATE rcm.tenants SET status = 'offboarded'", "INSERT INTO rcm.staff_assignments (tenant_id, login) SELECT tenant_id, 'x' FROM rcm.tenants",
            "DELETE FROM rcm_phi.patient_identities", "UPDATE rcm.checkpoints SET position = 0",
        ] {
            let error = await #expect(throws: PostgresError.self) { try await auditor.run { try $0.executeScript(statement, name: "auditor_write") } }
            #expect(error?.sqlState == "42501", "auditor: \(statement)")
        }
        let acme = try await scene.tenantID("acme")
        let event = NewEvent(
            eventID: UUID(), streamID: "forged", eventType: "claim.paid", schemaVersion: 1, payload: JSONText("{}"),
            metadata: EventMetadata(actor: "auditor", source: "psql", correlationID: UUID()), effectiveDate: "2026-06-30")
        await #expect(throws: EventStoreError.notPermitted(acme)) {
            try await auditor.withTransaction { try EventLog.append(AppendRequest(tenant: acme, events: [event]), in: $0) }
        }
        await scene.cli.database.drop()
    }

    @Test("showing a patient records an access event naming the login; PHI never reaches the log's payloads or any output")
    func accessLogAndNoPHIInLog() async throws {
        let scene = try await Scene.make("sec_access")
        let shown = try scene.cli.ok(["patient", "show", scene.acmeKey, "--tenant", "acme", "--reason", "eligibility call"], as: scene.staff)
        #expect(shown.contains("Quaxworth"))
        let owner = try await scene.cli.database.connect()
        // The staff login's reads (the set-up's own product reads, e.g. a coverage's duplicate check, are recorded under the owner's login).
        let access = try await owner.query(
            SQL(
                "access_events",
                "SELECT db_user, payload::text AS payload, metadata ->> 'reason' AS reason FROM rcm.events WHERE event_type = 'access.phi_viewed' AND db_user = $1"),
            [scene.staff])
        #expect(access.count == 1)
        #expect(try access.first!.decode("db_user", as: String.self) == scene.staff)
        #expect(try access.first!.decode("payload", as: String.self).contains("patient:\(scene.acmeKey)"))
        #expect(try access.first!.decode("reason", as: String.self) == "eligibility call")
        let listed = try scene.cli.ok(["audit", "access", "--patient", scene.acmeKey, "--format", "csv"])
        #expect(listed.contains(scene.staff) && listed.contains("eligibility call"))
        #expect(try scene.cli.ok(["audit", "access", "--user", scene.staff, "--format", "csv"]).contains("patient:\(scene.acmeKey)"))
        // The refused forged show of another practice's patient writes nothing and prints no PHI.
        let refused = try scene.cli.run(["patient", "show", scene.otherKey, "--tenant", "other"], as: scene.staff)
        #expect(refused.status == 1)
        #expect(!refused.standardError.contains("Zanzibarova"))
        let log = try await owner.query(SQL("all_payloads", "SELECT string_agg(payload::text || metadata::text, ' ') AS text FROM rcm.events"))
        let text: String = try log.first!.decode("text")
        for planted in ["Quaxworth", "Zebediah", "WQX99887766", "Zanzibarova", "OZ55544433", "1988-04-12", "1975-02-03"] {
            #expect(!text.contains(planted), "\(planted) is in the log")
        }
        await scene.cli.database.drop()
    }

    @Test("patient forget and tenant offboard destroy identifying data; the chain still verifies and the books are unchanged")
    func forgetAndOffboard() async throws {
        let scene = try await Scene.make("sec_forget")
        let date = CLI.daysAgo(5)
        let session = try scene.cli.ok(["session", "log", "--tenant", "acme", "--patient", scene.acmeKey, "--date", date, "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1", "--service", "90837=150.00"])
        let claim = try scene.cli.ok(["claims", "create", "--tenant", "acme", "--patient", scene.acmeKey, "--payer", "aetna", "--sessions", session])
        let before = try scene.cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"])
        _ = try scene.cli.ok(["patient", "forget", scene.acmeKey, "--tenant", "acme", "--reason", "retention ended"])
        let shown = try scene.cli.ok(["patient", "show", scene.acmeKey, "--tenant", "acme"])
        #expect(shown.contains("destroyed") && !shown.contains("Quaxworth"))
        _ = try scene.cli.ok(["tenant", "offboard", "--tenant", "other", "--reason", "BAA ended"])
        let owner = try await scene.cli.database.connect()
        let left: Int64 = try await owner.query(SQL("phi_left", "SELECT count(*) AS n FROM rcm_phi.patient_identities")).first!.decode("n")
        #expect(left == 0)
        #expect(try scene.cli.ok(["audit", "verify"]).components(separatedBy: ": ok").count == 4)
        #expect(try scene.cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]) == before)
        #expect(before.contains(claim))
        await scene.cli.database.drop()
    }
}

@Suite("The server logs analysts' queries")
struct AnalystLoggingTests {
    @Test("a query by an analyst login appears in the server's log with the login's name")
    func analystQueriesAreLogged() async throws {
        let cli = try await CLI.make("sec_analyst_log")
        let analyst = "t_analyst_log_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", analyst, "--group", "analyst"])
        let connection = try await cli.database.connect(as: analyst)
        let marker = "analyst_marker_\(UInt32.random(in: 0...UInt32.max))"
        _ = try await connection.query(SQL("marked", "SELECT 1 AS one /* \(marker) */", prepared: false))
        let logPath = Repository.root.appendingPathComponent(".pgdata/postgres.log").path
        var logged = false
        for _ in 0..<20 where !logged {
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            logged = log.split(separator: "\n").contains { $0.contains(marker) && $0.contains(analyst) }
            if !logged { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(logged, "the analyst's statement is in \(logPath)")
        await cli.database.drop()
    }
}
