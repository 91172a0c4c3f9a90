import EventStore
import Foundation
import Postgres
@_spi(Benchmark) import Projections

/// Report latency inside the process over an open connection, as a staff login under row-level security (the owner
/// bypasses it): aging and A/R for the practice with the most claims, and one claim's history, each repeated; p50 and
/// p99. The aging and A/R scans the reports ran before the rollup (decision 0304) are timed beside them, on the same
/// data and connection, in alternating order.
func reportLatencyBenchmark(_ context: BenchContext) throws -> [Figure] {
    let owner = try context.session()
    guard let biggest = try EventLog.countsByTenant(type: "claim.created", in: owner).first,
        let slug = try TenantDirectory.find(biggest.tenant.description, in: owner)?.slug
    else { throw BenchError.failed("no claims in the log: run the claims-load step first") }
    let tenant = biggest.tenant
    let claimsInPractice = biggest.count
    let totalClaims: Int64 = try owner.query(SQL("bench_all_claims", "SELECT count(*) AS n FROM rcm_analytics.claim_status")).first!.decode("n")
    let sample = try EventLog.readLog(tenant: tenant, after: 0, limit: 200, types: ["claim.created"], in: owner)
        .map { String($0.streamID.dropFirst("claim-".count)) }
    let session = try staffSession(context, assignedTo: tenant, owner: owner)
    let repetitions = context.scale == .full ? 200 : 100
    func measure(_ body: (Int) throws -> Void) throws -> [UInt64] {
        for index in 0..<5 { try body(index) }  // warm-up: plans cached, pages in memory
        return try (0..<repetitions).map { index in
            let start = nanoseconds()
            try body(index)
            return nanoseconds() - start
        }
    }
    let options = ReportOptions(tenant: slug)
    var aging: [UInt64] = [], agingScan: [UInt64] = [], ar: [UInt64] = [], arScan: [UInt64] = []
    for round in 0..<4 {  // alternating, so that a neighbour's burst hits both sides alike
        let rollupFirst = round % 2 == 0
        for source in rollupFirst ? [BalanceSource.rollup, .scan] : [.scan, .rollup] {
            let samples = try measure { _ in _ = try Reports.aging(options, source: source, in: session) }
            if source == .rollup { aging += samples } else { agingScan += samples }
            let arSamples = try measure { _ in _ = try Reports.accountsReceivable(options, source: source, in: session) }
            if source == .rollup { ar += arSamples } else { arScan += arSamples }
        }
    }
    let history = try measure { index in _ = try ClaimHistory.load(tenant: tenant, claim: sample[index % sample.count], in: session) }
    func figure(_ id: String, _ name: String, _ samples: [UInt64], _ target: Double?) -> Figure {
        var figure = Figure(
            id: id, name: name, value: percentileMilliseconds(samples, 0.5), unit: "ms p50", target: target.map { .below($0) },
            p50Milliseconds: percentileMilliseconds(samples, 0.5), p99Milliseconds: percentileMilliseconds(samples, 0.99))
        figure.details = ["claims_in_practice": Double(claimsInPractice), "claims_in_database": Double(totalClaims), "repetitions": Double(samples.count)]
        return figure
    }
    return [
        figure("report.aging", "aging report, one practice, staff login (\(claimsInPractice) claims; \(totalClaims) in the database)", aging, 10),
        figure("report.aging.scan", "… the same by the scan of ar_open (before the rollup)", agingScan, nil),
        figure("report.ar", "A/R report, one practice, staff login", ar, 5),
        figure("report.ar.scan", "… the same by the scan of claim_status (before the rollup)", arScan, nil),
        figure("report.claim_history", "one claim's history, staff login", history, 5),
    ]
}

/// A session as the bench's staff login (made once per cluster, a member of rcm_staff), assigned to the practice.
func staffSession(_ context: BenchContext, assignedTo tenant: TenantID, owner: DatabaseSession) throws -> DatabaseSession {
    let login = "rcm_bench_staff"
    try owner.executeScript(
        """
        DO $staff$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(login)') THEN
                CREATE ROLE \(login) LOGIN IN ROLE rcm_staff;
            END IF;
        END $staff$
        """, name: "bench_staff_login")
    _ = try owner.query(SQL("bench_assign_staff", "SELECT rcm.assign_staff($1, $2)"), [tenant, login])
    return try DatabaseSession(conninfo: context.settings.login(login).conninfo)
}
