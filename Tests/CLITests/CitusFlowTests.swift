import Foundation
import Postgres
import Testing
import TestSupport

/// The whole command-line flow against a Citus coordinator (docs/scale-out.md), opt-in: it runs when
/// `RCM_CITUS_URL` names the owner's login on a coordinator database that has the citus extension and its
/// workers, and is skipped with a notice otherwise. It empties the product's schemas in that database first.
enum CitusCoordinator {
    static let url: String? = {
        let value = ProcessInfo.processInfo.environment["RCM_CITUS_URL"] ?? ""
        if value.isEmpty {
            print("CitusFlowTests skipped: set RCM_CITUS_URL to a Citus coordinator's owner URL to run them (docs/scale-out.md)")
            return nil
        }
        return value
    }()

    static let productSchemas = "rcm_analytics, rcm_analytics_store, rcm_phi, rcm_auth, rcm, rcm_schema"
}

@Suite("The whole flow on a Citus cluster", .serialized, .enabled(if: CitusCoordinator.url != nil))
struct CitusFlowTests {
    static func cli() async throws -> CLI {
        let settings = ConnectionSettings(conninfo: CitusCoordinator.url!)
        let connection = try await Connection.connect(settings)
        try await connection.run { session in
            try session.executeScript("DROP SCHEMA IF EXISTS \(CitusCoordinator.productSchemas) CASCADE", name: "citus_reset")
        }
        return CLI(database: .existing(settings, name: settings.databaseName ?? "rcm"))
    }

    static func placement(_ table: String, in cli: CLI) async throws -> String? {
        let rows = try await cli.database.connect().query(
            SQL("citus_partition", "SELECT partmethod::text AS method FROM pg_dist_partition WHERE logicalrelid = $1::regclass"), [table])
        return try rows.rows.first?.decode("method")
    }

    @Test("migrate distributes the tables; seed, submit, simulate, ack, era, every report, rebuild and verify pass")
    func wholeFlow() async throws {
        let cli = try await Self.cli()
        let migrated = try cli.ok(["migrate"])
        #expect(migrated.contains("__citus_ready.sql"))
        #expect(try await Self.placement("rcm.events", in: cli) == "h")
        #expect(try await Self.placement("rcm_analytics_store.claim_status", in: cli) == "h")
        #expect(try await Self.placement("rcm.tenants", in: cli) == "n")
        #expect(try await Self.placement("rcm.staff_assignments", in: cli) == "n")

        let seeded = try cli.run(["demo", "seed", "--seed", "4", "--scale", "small", "--no-staff"])
        #expect(seeded.status == 0, "\(seeded.standardError)")

        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 3)
        defer { try? FileManager.default.removeItem(at: out) }
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "3", "--reject-percent", "0"])
            .split(separator: "\n").map(String.init)
        #expect(answers.contains { RemittanceLoopTests.isKind($0, "835") })
        for answer in answers where RemittanceLoopTests.isKind(answer, "999") || RemittanceLoopTests.isKind(answer, "277") {
            _ = try cli.ok(["ack", "import", answer])
        }
        for answer in answers where RemittanceLoopTests.isKind(answer, "835") {
            _ = try cli.ok(["era", "import", answer])
        }

        var reports: [String: String] = [:]
        for report in ["aging", "ar", "denials", "kpis"] {
            reports[report] = try cli.ok(["report", report, "--format", "csv"])
            #expect(reports[report]!.split(whereSeparator: \.isNewline).count > 1, "report \(report) has rows: \(reports[report]!)")
        }
        let claim = try #require(
            try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]).split(whereSeparator: \.isNewline).dropFirst().first?
                .split(separator: ",").first.map(String.init))
        let history = try cli.ok(["report", "claim", claim, "--tenant", "acme"])
        #expect(history.contains("claim.created") && history.contains("claim.submitted"), "\(history)")

        _ = try cli.ok(["projections", "rebuild"])
        #expect(try await Self.placement("rcm_analytics_store.claim_status", in: cli) == "h", "the rebuilt table is distributed")
        for report in ["aging", "ar", "denials", "kpis"] {
            #expect(try cli.ok(["report", report, "--format", "csv"]) == reports[report], "report \(report) after the rebuild")
        }
        let verified = try cli.ok(["audit", "verify"])
        #expect(verified.contains("acme: ok"), "\(verified)")
        #expect(!verified.contains("BROKEN"))
    }

    @Test("one practice's rows sit on one worker: its shards of every distributed table share a node")
    func tenantOnOneNode() async throws {
        let cli = try await Self.cli()
        _ = try cli.ok(["migrate"])
        _ = try cli.seedPractice()
        let rows = try await cli.database.connect().query(
            SQL(
                "citus_tenant_nodes",
                """
                SELECT count(DISTINCT s.nodename || ':' || s.nodeport) AS nodes, count(DISTINCT s.table_name) AS tables
                FROM rcm.tenants t
                JOIN pg_dist_partition p ON p.partmethod = 'h'
                JOIN citus_shards s ON s.table_name = p.logicalrelid
                  AND s.shardid = get_shard_id_for_distribution_column(p.logicalrelid, t.tenant_id)
                WHERE t.slug = 'acme'
                """))
        #expect(try rows.first!.decode("nodes", as: Int64.self) == 1)
        #expect(try rows.first!.decode("tables", as: Int64.self) >= 15)
    }
}
