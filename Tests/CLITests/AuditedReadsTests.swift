import Foundation
import Postgres
import Testing
import TestSupport

/// pgaudit (Debian's postgresql-15-pgaudit, preloaded by Scripts/db) logs the SQL reads of the logins that keep
/// SQL access: `rcm staff add` sets `pgaudit.log = 'read'` on auditor and analyst logins (V0011).
@Suite("The server audits SQL reads of auditor and analyst logins")
struct AuditedReadsTests {
    @Test("an auditor's and an analyst's SELECT appear as pgaudit READ lines naming the relation; a staff login is not set")
    func readsAreAudited() async throws {
        let cli = try await CLI.make("sec_pgaudit")
        let owner = try await cli.database.connect()
        let preload: String = try await owner.query(SQL("preload", "SELECT current_setting('shared_preload_libraries') AS p")).first!.decode("p")
        #expect(preload.contains("pgaudit"), "Scripts/db preloads pgaudit")
        let suffix = UInt32.random(in: 0...UInt32.max)
        let logins = ["auditor": "t_audit_read_\(suffix)", "analyst": "t_analyst_read_\(suffix)", "staff": "t_staff_read_\(suffix)"]
        for (group, login) in logins { _ = try cli.ok(["staff", "add", login, "--group", group]) }
        let settingSQL = SQL(
            "role_settings",
            "SELECT coalesce(array_to_string(s.setconfig, ','), '') AS c FROM pg_roles r LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid WHERE r.rolname = $1")
        for (group, login) in logins {
            let settings: String = try await owner.query(settingSQL, [login]).first!.decode("c")
            #expect(settings.contains("pgaudit.log=read") == (group != "staff"), "\(group): \(settings)")
        }
        let logPath = Repository.root.appendingPathComponent(".pgdata/postgres.log").path
        for group in ["auditor", "analyst"] {
            let login = logins[group]!
            let marker = "pgaudit_marker_\(UInt32.random(in: 0...UInt32.max))"
            let connection = try await cli.database.connect(as: login)
            _ = try await connection.query(SQL("marked", "SELECT count(*) AS n FROM rcm.tenants /* \(marker) */", prepared: false))
            var audited = false
            for _ in 0..<30 where !audited {
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                audited = log.split(separator: "\n").contains {
                    $0.contains("AUDIT: SESSION") && $0.contains("READ,SELECT,TABLE,rcm.tenants") && $0.contains(marker) && $0.contains(login)
                }
                if !audited { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(audited, "\(group)'s read is audited in \(logPath)")
        }
        await cli.database.drop()
    }
}
