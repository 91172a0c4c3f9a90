import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Row-level security through the projections")
struct SecurityTests {
    @Test("staff advance only their practices; analysts read only theirs, before and after a rebuild; the audit trail is the auditor's")
    func rowLevelSecurity() async throws {
        let database = try await TestDatabase.create("proj_rls")
        let suffix = String(UInt32.random(in: 0...UInt32.max))
        let staff = "rcm_t_staff_\(suffix)"
        let analyst = "rcm_t_analyst_\(suffix)"
        let auditor = "rcm_t_auditor_\(suffix)"
        let owner = try await database.connect()
        try await owner.run { session in
            for (login, group) in [(staff, "rcm_staff"), (analyst, "rcm_analyst"), (auditor, "rcm_auditor")] {
                try session.executeScript(
                    "CREATE ROLE \(try session.quotedIdentifier(login)) LOGIN IN ROLE \(group)", name: "t_role")
            }
        }
        do {
            let (mine, theirs) = try await owner.run { session -> (TenantID, TenantID) in
                let mine = try LogWriter.createTenant("assigned", in: session)
                let theirs = try LogWriter.createTenant("not-assigned", in: session)
                for tenant in [mine, theirs] {
                    for index in 0..<3 {
                        _ = try AgingTests.create(index, dos: "2026-03-0\(index + 1)", charge: "100.00", writer: LogWriter(tenant: tenant), in: session)
                    }
                }
                for login in [staff, analyst] {
                    try session.query(SQL("t_assign", "SELECT rcm.assign_staff($1, $2)"), [mine.description, login])
                }
                return (mine, theirs)
            }
            // Staff advance what they may see.
            let staffConnection = try await database.connect(as: staff)
            let applied = try await staffConnection.run { session in try ProjectionRunner().catchUpAll(in: session) }
            #expect(applied == 3)
            let rebuildRefused = await #expect(throws: PostgresError.self) {
                try await staffConnection.run { session in try ProjectionRebuild().replay(in: session) }
            }
            #expect(rebuildRefused?.sqlState == "42501")
            let tenantsWritten = try await owner.run { session in
                try session.query(SQL("t_tenants", "SELECT DISTINCT tenant_id::text AS t FROM rcm_analytics.claim_status"))
                    .rows.map { try $0.decode("t", as: String.self) }
            }
            #expect(tenantsWritten == [mine.description])
            try await owner.run { session in try ProjectionRunner().catchUpAll(in: session) }

            // Analysts see their practice only, through the views, before and after a rebuild.
            let analystConnection = try await database.connect(as: analyst)
            let visible = SQL("t_visible", "SELECT count(*) AS n, count(DISTINCT tenant_id) AS t FROM rcm_analytics.ar_aging")
            let before = try await analystConnection.run { session in
                let row = try session.query(visible).first!
                return [try row.decode("n", as: Int64.self), try row.decode("t", as: Int64.self)]
            }
            #expect(before == [3, 1])
            try await owner.run { session in _ = try ProjectionRebuild().run(in: session) }
            let after = try await analystConnection.run { session in
                let row = try session.query(visible).first!
                return [try row.decode("n", as: Int64.self), try row.decode("t", as: Int64.self)]
            }
            #expect(after == [3, 1])
            let report = try await analystConnection.run { session in try Reports.aging(ReportOptions(), in: session) }
            #expect(report.rows.count == 1 && report.rows[0][0] == .text("assigned"))
            let denied = await #expect(throws: PostgresError.self) {
                try await analystConnection.run { session in
                    try session.query(SQL("t_audit", "SELECT count(*) FROM rcm.audit_trail"))
                }
            }
            #expect(denied?.sqlState == "42501")

            // The auditor reads the audit trail of every practice.
            let auditorConnection = try await database.connect(as: auditor)
            let audited = try await auditorConnection.run { session in
                try session.query(SQL("t_audit_all", "SELECT count(DISTINCT tenant_id) AS n FROM rcm.audit_trail")).first!
                    .decode("n", as: Int64.self)
            }
            #expect(audited == 2)
            _ = theirs
        } catch {
            Issue.record(error)
        }
        await database.drop()
        let admin = try await Connection.connect(database.admin)
        try await admin.run { session in
            for login in [staff, analyst, auditor] {
                try session.executeScript("DROP ROLE IF EXISTS \(try session.quotedIdentifier(login))", name: "t_drop_role")
            }
        }
    }
}
