import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Following the log live")
struct FollowTests {
    static func checkpoint(_ tenant: TenantID, _ connection: Connection) async throws -> (Int64, Int64) {
        try await connection.run { session in
            let row = try session.query(
                SQL(
                    "t_follow_state",
                    """
                    SELECT h.position AS head, coalesce(c.position, 0) AS position FROM rcm.log_heads h
                    LEFT JOIN rcm.checkpoints c ON c.tenant_id = h.tenant_id AND c.consumer = 'claims'
                    WHERE h.tenant_id = $1
                    """), [tenant.description]
            ).first!
            return (try row.decode("position"), try row.decode("head"))
        }
    }

    /// Waits up to `seconds` for the checkpoint to reach the head.
    static func caughtUp(_ tenant: TenantID, _ connection: Connection, within seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (position, head) = try await checkpoint(tenant, connection)
            if position == head && head > 0 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test("the runner wakes on an rcm_events notification and, without one, on its polling fallback")
    func follows() async throws {
        let database = try await TestDatabase.create("proj_follow")
        let writer = try await database.connect()
        let tenant = try await writer.run { session in try LogWriter.createTenant("followed", in: session) }
        let follower = try await database.connect()
        let task = Task {
            try await ProjectionRunner().follow(follower, pollInterval: .seconds(30))
        }
        // Once it has caught up and is waiting, a notification wakes it well before the 30 s poll.
        let started = Date().addingTimeInterval(10)
        while try await writer.run({ session in try rowCount("rcm.checkpoints", in: session) }) == 0, Date() < started {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(200))
        try await writer.run { session in
            _ = try AgingTests.create(1, dos: "2026-03-02", charge: "100.00", writer: LogWriter(tenant: tenant), in: session)
            try session.notify(ProjectionRunner.channel, payload: tenant.description)
        }
        #expect(try await Self.caughtUp(tenant, writer, within: 10))
        task.cancel()
        _ = try? await task.value

        // Without notifications, polling catches up; meanwhile the status shows the lag.
        let lagging = try await writer.run { session -> [ProjectionStatus] in
            _ = try AgingTests.create(3, dos: "2026-03-04", charge: "100.00", writer: LogWriter(tenant: tenant), in: session)
            return try ProjectionStatus.load(in: session)
        }
        #expect(lagging.first?.lag ?? 0 > 0 && lagging.first?.lagSeconds ?? 0 > 0)
        let poller = try await database.connect()
        let polling = Task { try await ProjectionRunner().follow(poller, pollInterval: .seconds(1)) }
        try await writer.run { session in
            _ = try AgingTests.create(2, dos: "2026-03-03", charge: "100.00", writer: LogWriter(tenant: tenant), in: session)
        }
        #expect(try await Self.caughtUp(tenant, writer, within: 10))
        polling.cancel()
        _ = try? await polling.value
        let rows = try await writer.run { session in try rowCount("rcm_analytics.claim_status", in: session) }
        #expect(rows == 3)
        await database.drop()
    }
}
