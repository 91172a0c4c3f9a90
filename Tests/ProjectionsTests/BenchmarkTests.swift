import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

/// A rebuild benchmark, run only when `RCM_BENCH_CLAIMS` is set (build with `-c release` for real figures):
/// `RCM_BENCH_CLAIMS=2000 RCM_BENCH_TENANTS=4 RCM_BENCH_JOBS=2 swift test -c release --filter BenchmarkTests`
/// (claims per practice; the parallel rebuild uses `RCM_BENCH_JOBS` connections).
@Suite("Rebuild benchmark (set RCM_BENCH_CLAIMS)")
struct BenchmarkTests {
    @Test("rebuild rate beside the raw COPY read rate of the same events")
    func rebuildRate() async throws {
        guard let text = ProcessInfo.processInfo.environment["RCM_BENCH_CLAIMS"], let claims = Int(text) else { return }
        let environment = ProcessInfo.processInfo.environment
        let tenantCount = environment["RCM_BENCH_TENANTS"].flatMap { Int($0) } ?? 1
        let jobs = environment["RCM_BENCH_JOBS"].flatMap { Int($0) } ?? 2
        let database = try await TestDatabase.create("proj_bench")
        let connection = try await database.connect()
        let events = try await connection.run { session -> Int64 in
            var events: Int64 = 0
            var tenants: [TenantID] = []
            for number in 0..<tenantCount {
                let tenant = try LogWriter.createTenant("bench-\(number)", in: session)
                tenants.append(tenant)
                events += try Self.append(claims: claims, to: tenant, in: session)
            }
            let entries = try EventLog.readLogEntries(tenant: tenants[0], after: 0, limit: 1_000_000, in: session)
            let decodeStart = Date()
            for entry in entries { _ = try ProjectedEvent(decoding: entry) }
            print("benchmark: typed decoding (EventCodec, one thread) \(Int(Double(entries.count) / Date().timeIntervalSince(decodeStart))) events/s")
            var started = Date()
            try ProjectionRebuild(batchSize: 5000).replay(in: session)
            let rebuild = Date().timeIntervalSince(started)
            started = Date()
            try session.copyOut(SQL("bench_copy", "COPY (SELECT payload FROM rcm.events) TO STDOUT", prepared: false)) { _ in }
            let copy = Date().timeIntervalSince(started)
            print("benchmark: \(events) events; rebuild \(Int(Double(events) / rebuild)) events/s; COPY \(Int(Double(events) / copy)) events/s")
            return events
        }
        let started = Date()
        try await ProjectionRebuild(batchSize: 5000).run(settings: database.settings, jobs: jobs)
        print("benchmark: parallel rebuild with \(jobs) connections \(Int(Double(events) / Date().timeIntervalSince(started))) events/s")
        await database.drop()
    }

    /// Appends `claims` random claims of 40 commands each, in appends of about 500 events; returns the head.
    static func append(claims: Int, to tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        let codec = EventCodec()
        var pending: [NewEvent] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            _ = try EventLog.append(AppendRequest(tenant: tenant, events: pending), in: session)
            pending = []
        }
        for index in 0..<claims {
            var world = ClaimWorld(index: index, start: day("2026-01-05").adding(days: index % 200))
            for step in 0..<40 {
                world.step((index * 104_729 + step * 15_485_863) % 10_007)
                for event in world.produced {
                    let encoded = try codec.encode(event)
                    let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
                    pending.append(
                        NewEvent(
                            eventID: UUID(), streamID: "claim-\(world.claimID)", eventType: encoded.eventType,
                            schemaVersion: encoded.schemaVersion, payload: JSONText(data: encoded.payload),
                            metadata: EventMetadata(actor: "bench", source: "cli", correlationID: UUID()),
                            effectiveDate: object["effectiveDate"] as! String))
                }
                if pending.count > 500 { try flush() }
            }
        }
        try flush()
        return try EventLog.head(tenant: tenant, in: session).position
    }
}
