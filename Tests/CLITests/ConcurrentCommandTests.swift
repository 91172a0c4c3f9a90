import Foundation
import Postgres
import Testing
import TestSupport

/// Through the binary: many `payment post` commands on one patient account at once, as a clerk's scripts run
/// them; every one must post exactly once. Process start-up spaces the commands out, so this passes with the
/// retry switched off too: it guards the CLI path end to end, while `ConcurrentPostingTests` (8 connections in
/// one process, which lost 147 of 200 races with one try) is the test that fails without the core's retry.
@Suite("Concurrent payment posts through rcm on one account: each posts exactly once")
struct ConcurrentCommandTests {
    @Test("48 payment posts on one account, 16 at a time: every one exits 0 and 48 payments are in the log")
    func concurrentPayments() async throws {
        let cli = try await CLI.make("concurrent_pay")
        let key = try cli.seedPractice()
        let binary = Repository.rcmBinary.path, conninfo = cli.database.settings.conninfo
        let count = 48, width = 16
        let statuses = try await withThrowingTaskGroup(of: (Int32, String).self) { group in
            var results: [(Int32, String)] = []
            for index in 0..<count {
                if index >= width, let next = try await group.next() { results.append(next) }
                group.addTask {
                    let output = try Shell.run(
                        [binary, "payment", "post", "--tenant", "acme", "--patient", key, "--amount", "1.00", "--method", "card"],
                        environment: ["RCM_DATABASE_URL": conninfo], check: false)
                    return (output.status, output.standardError)
                }
            }
            for try await result in group { results.append(result) }
            return results
        }
        let failed = statuses.filter { $0.0 != 0 }
        #expect(failed.isEmpty, "\(failed.count) failed: \(failed.prefix(3).map(\.1))")
        let connection = try await cli.database.connect()
        let payments: Int64 = try await connection.query(
            SQL("count_payments", "SELECT count(*) AS n FROM rcm.events WHERE event_type = 'account.payment_received'")
        ).first!.decode("n")
        #expect(payments == Int64(count))
        #expect(try cli.ok(["audit", "verify"]).contains(": ok"))
        await cli.database.drop()
    }
}
