import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 15, item 3: a projection that cannot advance makes `rcm report …` say so and exit non-zero; an empty or
/// short report is never printed as if it were true.
@Suite("A report from analyst tables behind the log is refused")
struct ProjectionFreshnessTests {
    @Test("a checkpoint stuck behind the head: the owner's and an analyst's report name the projection and the practice, exit 1")
    func stuckCheckpointFailsTheReport() async throws {
        let cli = try await CLI.make("cli_fresh")
        let patient = try cli.seedPractice()
        _ = try cli.draftClaim(patient: patient)
        let analyst = "rcm_test_analyst_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", analyst, "--group", "analyst"])
        _ = try cli.ok(["staff", "assign", analyst, "--tenant", "acme"])
        #expect(try cli.run(["report", "aging"]).status == 0)
        #expect(try cli.run(["report", "ar"], as: analyst).status == 0)

        // The checkpoint can no longer move (as Citus refused the volatile UPDATE in the issue): new events stay unapplied.
        let superuser = try await Connection.connect(cli.database.settings.login("postgres"))
        _ = try await superuser.query(
            SQL("stick", "ALTER TABLE rcm.checkpoints ADD CONSTRAINT stuck CHECK (position <= 0 OR consumer <> 'claims') NOT VALID", prepared: false))
        _ = try cli.draftClaim(patient: patient, daysAgo: 6)

        for (report, login) in [("aging", nil), ("ar", nil), ("kpis", analyst), ("denials", analyst)] as [(String, String?)] {
            let output = try cli.run(["report", report], as: login)
            #expect(output.status == 1, "\(report) as \(login ?? "owner"): exit \(output.status)")
            #expect(output.standardError.contains("projection claims is behind practice acme's log"), "\(output.standardError)")
            #expect(output.standardOutput.isEmpty)
        }
        // A historical report replays the log and stays available.
        #expect(try cli.run(["report", "aging", "--as-of", CLI.daysAgo(0)]).status == 0)
        await cli.database.drop()
    }
}
