import EventStore
import Foundation
import Postgres

/// How a single-event command reaches the log.
enum AppendMode: Sendable {
    /// As `EventStore.append` and the application do it: `BEGIN`, `rcm.append_events`, `COMMIT` (3 round trips).
    case transaction
    /// The one `SELECT rcm.append_events(…)` statement alone: its own transaction, one round trip.
    case autocommit
}

/// Single-event commands through `EventLog.append`: each a new transaction with its expected version
/// checked (`no stream`, then `exactly n`), to a practice drawn from the first 16; with `notifier`, the
/// coalesced wake-up is requested after each commit, as `EventStore.append` does.
func singleEventAppendLoop(
    _ context: BenchContext, clients: Int, mode: AppendMode, notifier: WakeupNotifier?, tag: String
) throws -> LoopResult {
    let practices = Array(context.practices.prefix(16))
    return try runClients(clients, .seconds(context.scale.runSeconds), settings: context.settings) { client, session in
        var streams = SingleEventStreams(tag: tag, client: client, practices: practices)
        return {
            let (tenant, stream, version) = streams.next()
            let request = AppendRequest(
                tenant: tenant, events: [BenchEvents.event(stream: stream, sequence: Int(version))],
                expectations: [(stream, version == 1 ? .noStream : .exactly(version - 1))])
            switch mode {
            case .transaction: _ = try session.withTransaction { try EventLog.append(request, in: $0) }
            case .autocommit: _ = try EventLog.append(request, in: session)
            }
            notifier?.appended(tenant)
            return 1
        }
    }
}

/// 1,000-event appends from one client: 100 new claim streams of 10 events each per append (every stream
/// checked as `no stream`), in a transaction, rotating over the practices.
func batchAppendLoop(_ context: BenchContext, length: LoopLength, clients: Int = 1, tag: String) throws -> LoopResult {
    let practices = context.practices
    return try runClients(clients, length, settings: context.settings, warmUp: 1) { client, session in
        var batch = 0
        return {
            let tenant = practices[(batch * clients + client) % practices.count]
            let events = BenchEvents.batch(tag: "\(tag)-\(client)-\(batch)", streams: 100, perStream: 10)
            batch += 1
            var expectations: [(stream: String, expected: ExpectedVersion)] = []
            expectations.reserveCapacity(100)
            for event in events where event.streamID != expectations.last?.stream {
                expectations.append((event.streamID, .noStream))
            }
            let request = AppendRequest(tenant: tenant, events: events, expectations: expectations)
            _ = try session.withTransaction { try EventLog.append(request, in: $0) }
            return events.count
        }
    }
}
