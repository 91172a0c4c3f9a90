import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

/// A rebuild benchmark, run only when `RCM_BENCH_CLAIMS` is set (build with `-c release` for real figures):
/// `RCM_BENCH_CLAIMS=2000 swift test -c release --filter BenchmarkTests`.
@Suite("Rebuild benchmark (set RCM_BENCH_CLAIMS)")
struct BenchmarkTests {
    @Test("rebuild rate beside the raw COPY read rate of the same events")
    func rebuildRate() async throws {
        guard let text = ProcessInfo.processInfo.environment["RCM_BENCH_CLAIMS"], let claims = Int(text) else { return }
        let database = try await TestDatabase.create("proj_bench")
        let connection = try await database.connect()
        try await connection.run { session in
            let tenant = try LogWriter.createTenant("bench", in: session)
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
            let events = try EventLog.head(tenant: tenant, in: session).position
            var started = Date()
            try ProjectionRebuild(batchSize: 5000).replay(in: session)
            let rebuild = Date().timeIntervalSince(started)
            started = Date()
            try session.copyOut(SQL("bench_copy", "COPY (SELECT payload FROM rcm.events) TO STDOUT", prepared: false)) { _ in }
            let copy = Date().timeIntervalSince(started)
            print("benchmark: \(events) events; rebuild \(Int(Double(events) / rebuild)) events/s; COPY \(Int(Double(events) / copy)) events/s")
        }
        await database.drop()
    }
}
