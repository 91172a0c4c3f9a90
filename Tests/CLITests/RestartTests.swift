import Foundation
import Testing
import TestSupport

/// PostgreSQL stopped (fast shutdown) and started again under the product, on a throwaway cluster
/// (`Scripts/db --throwaway`): a follower of the log, a long 835 import, and `rcm serve`.
@Suite("Restarts of PostgreSQL", .serialized)
struct RestartTests {
    @Test("rcm projections run survives a restart: it reconnects, resumes from its checkpoint, and its tables equal a rebuild")
    func follower() async throws {
        let scene = try await RestartScene.make("restart-follow")
        defer { scene.finish() }
        _ = try scene.cli.ok(["session", "import", try scene.sessionsCSV(count: 600, prefix: "a"), "--tenant", "acme"])
        // The follower starts from nothing (checkpoint and live tables emptied) in batches of 3, so the restart
        // comes while it is part-way through the log.
        try scene.cluster.superuserSQL(
            "DELETE FROM rcm.checkpoints WHERE consumer = 'claims'; TRUNCATE rcm_analytics_store.claim_status, rcm_analytics_store.denials, "
                + "rcm_analytics_store.ar_activity, rcm_analytics_store.ar_open, rcm_analytics_store.claim_index, rcm_analytics_store.session_index, "
                + "rcm_analytics_store.account_index, rcm_analytics_store.remittances, rcm_analytics_store.remittance_plb, rcm_analytics_store.remittance_unapplied, "
                + "rcm_analytics_store.ar_open_rollup, rcm_analytics_store.aging_history",
            database: scene.cli.database.name)
        let follower = try BackgroundProcess(
            [Repository.rcmBinary.path, "projections", "run", "--batch-size", "3", "--poll-interval", "1"],
            environment: ["RCM_DATABASE_URL": scene.cli.database.settings.conninfo])
        defer { follower.stop() }
        // Usually the restart comes while the follower is part-way through the log; on a saturated machine it may
        // have caught up already, and then the restart cuts its wait for notifications instead (both must hold).
        _ = RestartScene.waitUntil(180) { try scene.projectionLag() < 500 }
        try scene.cluster.stop()
        let lagAtStop = try? scene.projectionLag()  // nil: the cluster is down, as it should be
        #expect(lagAtStop == nil)
        sleep(2)
        try scene.cluster.start()
        // Work after the restart: the follower (and the command's own catch-up, taking turns) applies it too.
        _ = try scene.cli.ok(["session", "import", try scene.sessionsCSV(count: 20, prefix: "b"), "--tenant", "acme"])
        #expect(RestartScene.waitUntil(120) { try scene.projectionLag() == 0 }, "caught up: \(follower.output)")
        #expect(follower.poll() == nil, "the follower still runs: \(follower.output)")
        #expect(follower.output.contains("the database went away"), "\(follower.output)")
        #expect(follower.output.contains("reconnected; resuming from the checkpoints"), "\(follower.output)")
        follower.stop()
        #expect(try scene.number("SELECT count(*) FROM rcm_analytics_store.session_index") == 620, "every session once: no gap, no double")
        let live = try scene.projectionDigest()
        _ = try scene.cli.ok(["projections", "rebuild"])
        #expect(try scene.projectionDigest() == live, "the followed tables equal a rebuild")
    }

    @Test("a restart during rcm era import keeps the payments committed, refuses the rest naming the SQLSTATE, and a re-run completes it like a clean run")
    func eraImport() async throws {
        let scene = try await RestartScene.make("restart-era")
        defer { scene.finish() }
        let clean = CLI(database: try await scene.cluster.database("restart_era_clean"))
        _ = try clean.seedPractice()
        let count = 400
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(scene.cli.database.name).835").path
        try LargeRemittance.file(count: count).write(toFile: path, atomically: true, encoding: .utf8)
        let postedSQL = "SELECT count(*) FROM rcm.events WHERE event_type = 'remittance.received'"

        let importing = try BackgroundProcess(
            [Repository.rcmBinary.path, "era", "import", path], environment: ["RCM_DATABASE_URL": scene.cli.database.settings.conninfo])
        #expect(RestartScene.waitUntil(120) { try scene.number(postedSQL) >= 20 }, "payments began to post: \(importing.output)")
        try scene.cluster.stop()
        let status = importing.wait(timeout: 60)
        #expect(status == 69, "exit 69 (database unavailable): \(importing.output)")
        #expect(importing.output.contains("SQLSTATE"), "the error names the SQLSTATE: \(importing.output)")
        #expect(importing.output.contains("run the same import again"), "\(importing.output)")
        try scene.cluster.start()
        let kept = try scene.number(postedSQL)
        #expect(kept > 0 && kept < Int64(count), "some payments committed, not all: \(kept)")

        let rerun = try scene.cli.run(["era", "import", path, "--format", "csv"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(rerun.standardOutput.components(separatedBy: "\nskipped,").count - 1 == Int(kept), "the committed payments are skipped")
        _ = try clean.ok(["era", "import", path])
        #expect(try scene.number(postedSQL) == Int64(count))
        let totals = "SELECT count(*) || ' ' || sum(amount) FROM rcm_analytics.remittances"
        let unapplied = "SELECT count(*) || ' ' || sum(paid) FROM rcm_analytics.remittance_unapplied"
        for sql in [totals, unapplied] {
            #expect(
                try scene.cluster.superuserSQL(sql, database: scene.cli.database.name) == (try scene.cluster.superuserSQL(sql, database: clean.database.name)))
        }
        #expect(try scene.cli.ok(["era", "list", "--format", "csv"]) == (try clean.ok(["era", "list", "--format", "csv"])))
    }

    @Test("rcm serve answers 503 with Retry-After while the database is away, and recovers without a restart of its own")
    func server() async throws {
        let scene = try await RestartScene.make("restart-serve")
        defer { scene.finish() }
        let login = "t_restart_\(UInt32.random(in: 0...UInt32.max))"
        _ = try scene.cli.ok(["staff", "add", login, "--group", "staff"])
        _ = try scene.cli.ok(["staff", "assign", login, "--tenant", "acme"])
        // A password alone signs in here: the test is about restarts (SecondFactorTests test the factor).
        _ = try scene.cli.ok(["staff", "mfa", "policy", "--require", "nobody"])
        let set = try scene.cli.run(["staff", "password", login], environment: ["RCM_NEW_PASSWORD": ServerScene.password])
        #expect(set.status == 0)
        let server = try ServerProcess.start(conninfo: scene.cli.database.settings.login("rcm_server").conninfo)
        defer { server.stop() }
        let http = HTTPClient(baseURL: server.baseURL)
        let token = try #require(try await http.post("/sign-in", json: ["login": login, "password": ServerScene.password]).json["token"] as? String)
        let clerk = http.bearer(token)
        #expect(try await clerk.get("/practices").status == 200)
        let body: [String: Any] = [
            "patientKey": scene.patientKey, "dateOfService": CLI.daysAgo(4), "rendering": "dr-lee", "minutes": 53,
            "diagnoses": ["F41.1"], "lines": [["code": "90837", "units": 1, "charge": "132.00"]],
        ]
        #expect(try await clerk.post("/practices/acme/sessions", json: body, headers: ["Idempotency-Key": "restart-1"]).status == 201)

        try scene.cluster.stop()
        for path in ["/practices", "/practices/acme/reports/aging"] {
            let away = try await clerk.get(path)
            #expect(away.status == 503, "\(path): \(away.status) \(away.text)")
            #expect(away.header("Retry-After").flatMap(Int.init) ?? 0 > 0, "\(path): Retry-After")
            #expect(away.header("Content-Type") == "application/problem+json")
            #expect(away.json["status"] as? Int == 503)
        }
        let refused = try await clerk.post("/practices/acme/sessions", json: body, headers: ["Idempotency-Key": "restart-2"])
        #expect(refused.status == 503)
        #expect(try await http.get("/ready").status == 503)

        try scene.cluster.start()
        var back = 0
        for _ in 0..<100 where back != 200 {
            back = try await clerk.get("/practices").status
            if back != 200 { usleep(100_000) }
        }
        #expect(back == 200, "the server answers again without a restart")
        #expect(try await clerk.post("/practices/acme/sessions", json: body, headers: ["Idempotency-Key": "restart-2"]).status == 201)
        #expect(try scene.number("SELECT count(*) FROM rcm.events WHERE event_type = 'session.logged'") == 2, "both sessions, once each")
        #expect(server.stop() == 0, "the same server process drains and exits 0")
    }
}
