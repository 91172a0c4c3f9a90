import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 14: the alerts analyst table, rebuilt by `rcm projections rebuild`, under row-level security by practice.
@Suite("rcm_analytics.alerts: the current alerts, rebuilt with the projections, each practice's to its own analysts")
struct AlertsAnalystTableTests {
    static let sql = SQL(
        "test_alerts_analyst", "SELECT kind, subject, deadline::text AS deadline, as_of::text AS as_of, resolve_with FROM rcm_analytics.alerts ORDER BY ordinal")

    @Test("projections rebuild fills the table as of the business date; an analyst sees its practice's alerts and not another's")
    func analystSeesOwnPractice() async throws {
        let cli = try await CLI.make("alerts_table")
        var keys: [String: String] = [:]
        for (slug, number) in [("acme", "AUTH-A"), ("bravo", "AUTH-B")] {
            let key = try cli.seedPractice(slug: slug)
            keys[slug] = key
            _ = try cli.ok([
                "auth", "add", "--tenant", slug, "--patient", key, "--payer", "aetna", "--number", number, "--codes", "90834", "--units", "2",
                "--from", "2026-01-01", "--through", "2026-12-31",
            ])
        }
        let rebuilt = try cli.run(["projections", "rebuild"], environment: ["RCM_BUSINESS_DATE": "2026-05-01"])
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")

        for (slug, own, other) in [("acme", "AUTH-A", "AUTH-B"), ("bravo", "AUTH-B", "AUTH-A")] {
            let analyst = "t_alerts_\(slug)_\(UInt32.random(in: 0...UInt32.max))"
            _ = try cli.ok(["staff", "add", analyst, "--group", "analyst"])
            _ = try cli.ok(["staff", "assign", analyst, "--tenant", slug])
            let connection = try await cli.database.connect(as: analyst)
            let rows = try await connection.query(Self.sql).rows
            let seen: [String] = try rows.map { try $0.decode("subject") }
            #expect(seen == ["authorization \(own)"], "\(slug)'s analyst: \(seen)")
            #expect(!seen.contains("authorization \(other)"), "another practice's alert is not visible")
            let first = try #require(rows.first)
            #expect(try first.decode("kind", as: String.self) == "authorization" && first.decode("as_of", as: String.self) == "2026-05-01")
            #expect(try first.decode("resolve_with", as: String.self).hasPrefix("rcm auth add --tenant \(slug)"))
        }

        // A later rebuild replaces the rows with the alerts of its own date and log (the owner sees every practice).
        _ = try cli.ok(["auth", "add", "--tenant", "acme", "--patient", try #require(keys["acme"]), "--payer", "aetna", "--number", "AUTH-C", "--codes", "90837", "--units", "12", "--from", "2026-01-01", "--through", "2026-05-10"])
        #expect(try cli.run(["projections", "rebuild"], environment: ["RCM_BUSINESS_DATE": "2026-05-02"]).status == 0)
        let owner = try await cli.database.connect()
        let subjects: [String] = try await owner.query(Self.sql).rows.map { try $0.decode("subject") }
        #expect(Set(subjects) == ["authorization AUTH-A", "authorization AUTH-B", "authorization AUTH-C"], "\(subjects)")
        let asOf: [String] = try await owner.query(Self.sql).rows.map { try $0.decode("as_of") }
        #expect(Set(asOf) == ["2026-05-02"], "every row is as of the second rebuild's date")
        await cli.database.drop()
    }
}
