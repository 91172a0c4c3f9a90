import EventStore
import Foundation
import Postgres
import Projections

/// Report latency inside the process over an open connection: aging and A/R for the practice with the
/// most claims, and one claim's history, each repeated; p50 and p99.
func reportLatencyBenchmark(_ context: BenchContext) throws -> [Figure] {
    let session = try context.session()
    guard let biggest = try EventLog.countsByTenant(type: "claim.created", in: session).first,
        let slug = try TenantDirectory.find(biggest.tenant.description, in: session)?.slug
    else { throw BenchError.failed("no claims in the log: run the claims-load step first") }
    let tenant = biggest.tenant
    let claimsInPractice = biggest.count
    let totalClaims: Int64 = try session.query(SQL("bench_all_claims", "SELECT count(*) AS n FROM rcm_analytics.claim_status")).first!.decode("n")
    let sample = try EventLog.readLog(tenant: tenant, after: 0, limit: 200, types: ["claim.created"], in: session)
        .map { String($0.streamID.dropFirst("claim-".count)) }
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
    let aging = try measure { _ in _ = try Reports.aging(options, in: session) }
    let ar = try measure { _ in _ = try Reports.accountsReceivable(options, in: session) }
    let history = try measure { index in _ = try ClaimHistory.load(tenant: tenant, claim: sample[index % sample.count], in: session) }
    func figure(_ id: String, _ name: String, _ samples: [UInt64], _ target: Double) -> Figure {
        var figure = Figure(
            id: id, name: name, value: percentileMilliseconds(samples, 0.5), unit: "ms p50", target: .below(target),
            p50Milliseconds: percentileMilliseconds(samples, 0.5), p99Milliseconds: percentileMilliseconds(samples, 0.99))
        figure.details = ["claims_in_practice": Double(claimsInPractice), "claims_in_database": Double(totalClaims), "repetitions": Double(repetitions)]
        return figure
    }
    return [
        figure("report.aging", "aging report, one practice (\(claimsInPractice) claims; \(totalClaims) in the database)", aging, 10),
        figure("report.ar", "A/R report, one practice", ar, 10),
        figure("report.claim_history", "one claim's history", history, 5),
    ]
}
