import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Runner and rebuild")
struct RebuildTests {
    /// Drives `claims` claims per tenant through `steps` random commands each, appending as it goes (with
    /// sessions, accounts and posted payments among them) and running the live runner now and then with a
    /// small batch size; returns the worlds by tenant.
    static func workload(
        tenants: [TenantID], claims: Int, steps: Int, runner: ProjectionRunner, in session: DatabaseSession
    ) throws -> [TenantID: [ClaimWorld]] {
        var worlds: [TenantID: [ClaimWorld]] = [:]
        for (t, tenant) in tenants.enumerated() {
            let writer = LogWriter(tenant: tenant)
            var list = (0..<claims).map { ClaimWorld(index: $0, start: day("2026-01-05").adding(days: $0 * 3)) }
            for step in 0..<steps {
                for index in list.indices {
                    let seed = (t * 7919 + index * 104_729 + step * 15_485_863) % 10_007
                    list[index].step(seed)
                    try writer.append(list[index].produced, claim: list[index].claimID, in: session)
                }
                // Sessions, accounts and payments among the claims, so that every table has rows split across batches.
                if step == 20 { try IndexAndRemittanceTests.writeSessions(writer, runner: runner, in: session) }
                if step == 40 { for payment in IndexAndRemittanceTests.payments { try payment.write(with: writer, runner: nil, in: session) } }
                if step % 9 == 4 { try runner.catchUp(tenant: tenant, in: session) }
            }
            worlds[tenant] = list
        }
        return worlds
    }

    @Test("tables rebuilt from zero equal the incrementally maintained ones, row for row, and match the domain")
    func rebuildEqualsIncremental() async throws {
        let database = try await TestDatabase.create("proj_rebuild")
        let connection = try await database.connect()
        let outcome = try await connection.run { session -> (Int, Int64, Int64, Int64, Int64, [String]) in
            let tenants = try (0..<4).map { try LogWriter.createTenant("practice-\($0)", in: session) }
            let live = ProjectionRunner(batchSize: 7)
            let worlds = try Self.workload(tenants: tenants, claims: 20, steps: 90, runner: live, in: session)
            try live.catchUpAll(in: session)
            let events = try session.query(SQL("t_events", "SELECT count(*) AS n FROM rcm.events")).first!
                .decode("n", as: Int64.self)

            // The domain's own balances agree with the projection.
            var mismatches: [String] = []
            for (tenant, list) in worlds {
                for world in list where world.claim.status != .none {
                    let row = try session.query(
                        SQL(
                            "t_claim",
                            "SELECT charges, insurance_balance, patient_balance, insurance_paid, patient_paid, status FROM rcm_analytics.claim_status WHERE tenant_id = $1 AND claim_id = $2"
                        ), [tenant.description, world.claimID.description]
                    ).first
                    guard let row else {
                        mismatches.append("\(world.claimID) missing")
                        continue
                    }
                    let c = world.claim
                    let got: [Int64] = [
                        try row.decode("charges"), try row.decode("insurance_balance"), try row.decode("patient_balance"),
                        try row.decode("insurance_paid"), try row.decode("patient_paid"),
                    ]
                    let want = [c.charges.cents, c.insuranceBalance.cents, c.patientBalance.cents, c.insurancePaid.cents, c.patientPaid.cents]
                    if got != want { mismatches.append("\(world.claimID): \(got) != \(want)") }
                }
            }

            try ProjectionRebuild(batchSize: 1000).replay(in: session)
            let differing = try differingRebuiltRows(in: session)
            // The open-balance sums agree with the claims they sum.
            let sums = try session.query(
                SQL(
                    "t_open_sums",
                    """
                    SELECT (SELECT count(*) FROM (
                        SELECT tenant_id, side, payer_id, rendering_provider, service_date, sum(o) AS o, sum(c) AS c, count(*) AS n
                        FROM (SELECT tenant_id, 'insurance' AS side, payer_id, coalesce(rendering_provider, '') AS rendering_provider,
                                     service_date, greatest(insurance_balance, 0) AS o, least(insurance_balance, 0) AS c
                              FROM rcm_analytics.claim_status WHERE insurance_balance <> 0
                              UNION ALL
                              SELECT tenant_id, 'patient', payer_id, coalesce(rendering_provider, ''), service_date,
                                     greatest(patient_balance, 0), least(patient_balance, 0)
                              FROM rcm_analytics.claim_status WHERE patient_balance <> 0) x
                        GROUP BY 1, 2, 3, 4, 5
                        EXCEPT
                        SELECT tenant_id, side, payer_id, rendering_provider, service_date, open_amount, credit_amount, claims
                        FROM rcm_analytics.ar_open WHERE claims > 0) d) AS missing,
                           (SELECT count(*) FROM rcm_analytics.ar_open WHERE claims = 0 AND (open_amount <> 0 OR credit_amount <> 0)) AS stray
                    """)
            ).first!
            if try sums.decode("missing", as: Int64.self) != 0 || sums.decode("stray", as: Int64.self) != 0 {
                mismatches.append("ar_open disagrees with claim_status")
            }
            return (
                Int(events), differing, try rowCount("rcm_analytics_store.claim_status", in: session),
                try rowCount("rcm_analytics_store.denials", in: session),
                try rowCount("rcm_analytics_store.ar_activity", in: session), mismatches
            )
        }
        let (events, differing, claims, denials, activity, mismatches) = outcome
        #expect(events > 2000)
        #expect(claims == 80)
        #expect(denials > 0)
        #expect(activity > 0)
        #expect(differing == 0)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")

        // The switch keeps the views working and the checkpoints consistent; the runner then has nothing to do.
        let after = try await connection.run { session -> (Int64, Int, Int64, Int64) in
            let before = try session.query(SQL("t_sum", "SELECT sum(balance)::bigint AS s FROM rcm_analytics.claim_status"))
                .first!.decode("s", as: Int64.self)
            try ProjectionRebuild(batchSize: 500).switchOver(in: session)
            let applied = try ProjectionRunner().catchUpAll(in: session)
            let sum = try session.query(SQL("t_sum", "SELECT sum(balance)::bigint AS s FROM rcm_analytics.claim_status"))
                .first!.decode("s", as: Int64.self)
            let aging = try session.query(SQL("t_aging", "SELECT count(*) AS n FROM rcm_analytics.ar_aging")).first!
                .decode("n", as: Int64.self)
            return (before, applied, sum, aging)
        }
        #expect(after.0 == after.2)
        #expect(after.1 == 0)
        #expect(after.3 > 0)
        let statuses = try await connection.run { session in try ProjectionStatus.load(in: session) }
        #expect(statuses.count == 4 && statuses.allSatisfy { $0.lag == 0 && $0.lagSeconds == 0 && $0.position > 0 })
        await database.drop()
    }

    @Test("a runner that fails after its table writes resumes without double counting")
    func crashBetweenWritesAndCheckpoint() async throws {
        let database = try await TestDatabase.create("proj_crash")
        let connection = try await database.connect()
        let result = try await connection.run { session -> (Bool, Int64, Int64, Int64, Int64) in
            let tenant = try LogWriter.createTenant("crashing", in: session)
            let idle = ProjectionRunner(batchSize: 1_000_000)
            _ = try Self.workload(tenants: [tenant], claims: 10, steps: 30, runner: idle, in: session)
            // Bring the live tables part of the way, then fail every third batch after its writes.
            let counter = Counter()
            let flaky = ProjectionRunner(batchSize: 13) {
                if counter.next() % 3 == 2 { throw ProjectionError.injected }
            }
            var failures = 0
            var caughtUp = false
            var checkpointBefore: Int64 = 0
            var checkpointAfterFailure: Int64 = -1
            while !caughtUp {
                checkpointBefore = try Self.checkpoint(tenant, in: session)
                do {
                    caughtUp = try flaky.step(tenant: tenant, in: session).caughtUp
                } catch let error as ProjectionError where error == .injected {
                    failures += 1
                    checkpointAfterFailure = try Self.checkpoint(tenant, in: session)
                    if checkpointAfterFailure != checkpointBefore { break }
                }
            }
            try ProjectionRebuild(batchSize: 1000).replay(in: session)
            let differing = try differingRebuiltRows(in: session)
            let charges = try session.query(
                SQL("t_charges", "SELECT (SELECT sum(charges) FROM rcm_analytics.ar_activity)::bigint AS a, (SELECT sum(charges) FROM rcm_analytics.claim_status)::bigint AS c")
            ).first!
            return (failures > 0 && checkpointAfterFailure == checkpointBefore, differing, try charges.decode("a"), try charges.decode("c"),
                    try Self.checkpoint(tenant, in: session))
        }
        #expect(result.0, "a failed batch must leave the checkpoint where it was")
        #expect(result.1 == 0)
        #expect(result.2 == result.3)
        #expect(result.4 > 0)
        await database.drop()
    }

    @Test("a rebuild while events keep arriving switches in tables equal to a fresh replay")
    func rebuildUnderLoad() async throws {
        let database = try await TestDatabase.create("proj_rebuild_load")
        let connection = try await database.connect()
        let differing = try await connection.run { session -> Int64 in
            let first = try LogWriter.createTenant("first", in: session)
            let live = ProjectionRunner(batchSize: 50)
            _ = try Self.workload(tenants: [first], claims: 8, steps: 30, runner: live, in: session)
            let rebuild = ProjectionRebuild(batchSize: 100)
            try rebuild.replay(in: session)
            // More events after the replay: new claims in the first practice, and a new practice.
            for index in 100..<105 {
                _ = try AgingTests.create(index, dos: "2026-04-01", charge: "90.00", writer: LogWriter(tenant: first), in: session)
            }
            let second = try LogWriter.createTenant("second", in: session)
            _ = try Self.workload(tenants: [second], claims: 5, steps: 20, runner: live, in: session)
            try rebuild.switchOver(in: session)
            try live.catchUpAll(in: session)
            try ProjectionRebuild(batchSize: 1000).replay(in: session)
            return try differingRebuiltRows(in: session)
                + (rowCount("rcm_analytics.claim_status", in: session) == 18 ? 0 : 1000)
        }
        #expect(differing == 0)
        await database.drop()
    }

    @Test("a rebuild over several connections switches in the same rows as a serial replay")
    func parallelRebuild() async throws {
        let database = try await TestDatabase.create("proj_rebuild_parallel")
        let connection = try await database.connect()
        try await connection.run { session in
            let tenants = try (0..<3).map { try LogWriter.createTenant("parallel-\($0)", in: session) }
            _ = try Self.workload(tenants: tenants, claims: 6, steps: 25, runner: ProjectionRunner(), in: session)
        }
        let updates = Counter()
        // While another session holds the rebuild lock, a rebuild refuses to start.
        let holder = try await database.connect()
        try await holder.run { session in _ = try session.query(SQL("t_lock", "SELECT pg_advisory_lock(5927666606347207217)")) }
        await #expect(throws: ProjectionError.self) {
            try await ProjectionRebuild().run(settings: database.settings, jobs: 2)
        }
        try await holder.run { session in _ = try session.query(SQL("t_unlock", "SELECT pg_advisory_unlock(5927666606347207217)")) }
        let done = try await ProjectionRebuild(batchSize: 40).run(settings: database.settings, jobs: 3) { _ in
            _ = updates.next()
        }
        let (differing, head) = try await connection.run { session -> (Int64, Int64) in
            try ProjectionRebuild(batchSize: 1000).replay(in: session)
            let head: Int64 = try session.query(SQL("t_heads", "SELECT sum(position)::bigint AS n FROM rcm.log_heads")).first!.decode("n")
            return (
                try differingRebuiltRows(in: session),
                head
            )
        }
        #expect(differing == 0)
        #expect(done == head)
        #expect(updates.next() > 3)
        await database.drop()
    }

    static func checkpoint(_ tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try session.query(
            SQL("t_checkpoint", "SELECT coalesce(max(position), 0) AS p FROM rcm.checkpoints WHERE tenant_id = $1 AND consumer = 'claims'"),
            [tenant.description]
        ).first!.decode("p")
    }
}

/// A counter shared with a `@Sendable` closure (used from one connection queue at a time).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
