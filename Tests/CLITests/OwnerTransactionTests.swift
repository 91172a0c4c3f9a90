import Foundation
import Postgres
import Testing
import TestSupport

/// Decision 0013: a command that writes shared tables through the owner's definer functions runs whole as the owner
/// role (on Citus one user per transaction); a command that only appends runs as the person who acts.
@Suite("Owner transactions: shared-table writes as the owner role, appends as the person")
struct OwnerTransactionTests {
    @Test("onboarding records db_user rcm_owner with the login as actor; the submitter's event keeps the login as db_user")
    func onboardingRunsAsTheOwnerRole() async throws {
        let cli = try await CLI.make("owner_transaction")
        _ = try cli.seedPractice()
        let rows = try await cli.database.connect().query(
            SQL(
                "owner_tx_events",
                """
                SELECT event_type, db_user, metadata ->> 'actor' AS actor FROM rcm.events
                WHERE event_type IN ('company.practice_onboarded', 'company.submitter_configured', 'practice.configured')
                """))
        var seen: [String: (dbUser: String, actor: String)] = [:]
        for row in rows.rows {
            seen[try row.decode("event_type")] = (try row.decode("db_user"), try row.decode("actor"))
        }
        let submitter = try #require(seen["company.submitter_configured"])
        let onboarded = try #require(seen["company.practice_onboarded"])
        #expect(submitter.dbUser == submitter.actor && submitter.dbUser != "rcm_owner", "\(submitter)")
        #expect(onboarded.dbUser == "rcm_owner" && onboarded.actor == submitter.actor, "\(onboarded)")
        if let configured = seen["practice.configured"] { #expect(configured.dbUser == "rcm_owner", "\(configured)") }
        await cli.database.drop()
    }

    @Test("a staff login is refused onboarding as before (42501): it does not take the owner role, nothing is written")
    func staffStayThemselves() async throws {
        let cli = try await CLI.make("owner_transaction_staff")
        _ = try cli.seedPractice()
        let login = "t_owner_tx_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", login, "--group", "staff"])
        let before = try await cli.eventCount()
        let refused = try cli.run(
            [
                "tenant", "add", "--slug", "beta", "--name", "Beta Counseling LLC", "--time-zone", "America/Chicago", "--npi", "1234567893",
                "--tax-id", "123456789", "--street", "1 Main St", "--city", "Springfield", "--state", "IL", "--zip", "627011234",
            ], as: login)
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.contains("42501"), "\(refused.standardError)")
        #expect(try await cli.eventCount() == before)
        await cli.database.drop()
    }
}
