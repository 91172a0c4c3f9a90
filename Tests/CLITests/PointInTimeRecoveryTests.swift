import Foundation
import Testing
import TestSupport

/// WAL archiving, a base backup, and a restore to a point in time on a second cluster (`Scripts/db archive`,
/// `basebackup`, `recover`), as docs/operations.md tells an operator to do it.
@Suite("Point-in-time recovery")
struct PointInTimeRecoveryTests {
    @Test("a restore to a moment keeps every event committed before it and none after, and the chain verifies with the last seal")
    func restoreToTime() async throws {
        let source = try ThrowawayCluster.start("pitr-source")
        let target = ThrowawayCluster(name: "pitr-target")
        defer {
            source.destroy()
            target.destroy()
        }
        try source.db(["archive"])
        let cli = CLI(database: try await source.database("pitr"))
        let key = try cli.seedPractice()
        try source.db(["basebackup"])
        // Work after the base backup, replayed from the archive.
        for day in 3...6 {
            _ = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(day), "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1", "--service", "90837=150.00"])
        }
        let seal = FileManager.default.temporaryDirectory.appendingPathComponent("\(cli.database.name)-seal.json").path
        try cli.ok(["audit", "seal", "--tenant", "acme"]).write(toFile: seal, atomically: true, encoding: .utf8)
        let before = try source.superuserSQL("SELECT string_agg(event_id::text, ',' ORDER BY event_id) FROM rcm.events", database: cli.database.name)
        usleep(300_000)
        let moment = try source.superuserSQL("SELECT clock_timestamp()")
        usleep(300_000)
        // Work after the moment: lost by design in a restore to the moment.
        for day in 7...8 {
            _ = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(day), "--provider", "dr-lee", "--minutes", "45", "--dx", "F33.1", "--service", "90834=98.00"])
        }
        let after = try source.superuserSQL("SELECT count(*) FROM rcm.events", database: cli.database.name)
        // The segment holding the last commit is closed and archived (archive_timeout would do it within a minute).
        let segment = try source.superuserSQL("SELECT pg_walfile_name(pg_switch_wal())")
        #expect(RestartScene.waitUntil(60) { try source.superuserSQL("SELECT coalesce(last_archived_wal, '') >= '\(segment)' FROM pg_stat_archiver") == "t" })

        let began = Date()
        try target.db(["recover", "--from", try source.db(["data-dir"]) + ".base", "--wal", try source.db(["wal-dir"]), "--target-time", moment])
        let seconds = Date().timeIntervalSince(began)
        let restored = CLI(database: TestDatabase.existing(cli.database.name, admin: try target.adminSettings()))
        let events = try target.superuserSQL("SELECT string_agg(event_id::text, ',' ORDER BY event_id) FROM rcm.events", database: cli.database.name)
        #expect(events == before, "every event committed before the moment, none after")
        #expect(Int(after)! > before.split(separator: ",").count, "there was work after the moment")
        let verified = try restored.run(["audit", "verify", "--tenant", "acme", "--seal", seal])
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        #expect(verified.standardOutput.contains("acme: ok"))
        #expect(seconds < 120, "recovered in \(seconds) s")
    }
}
