import EventStore
import Foundation
import Postgres

/// The limit of a single-event append: the same event, from the same client loop, written by one
/// autocommit INSERT into the scratch table (same columns and indexes as the log's table); positions come
/// from a client-side counter, as there is no head row to lock.
func insertLimitLoop(_ context: BenchContext, clients: Int, tag: String) throws -> LoopResult {
    let practices = Array(context.practices.prefix(16))
    let positions = try LimitPositions(session: try context.session())
    return try runClients(clients, .seconds(context.scale.runSeconds), settings: context.settings) { client, session in
        var streams = SingleEventStreams(tag: tag, client: client, practices: practices)
        return {
            let (tenant, stream, version) = streams.next()
            let event = BenchEvents.event(stream: stream, sequence: Int(version))
            let position = positions.reserve(tenant)
            try session.execute(
                LimitTable.insertSQL, LimitTable.parameters(tenant: tenant, position: position, version: version, event: event))
            return 1
        }
    }
}

/// The limit of a 1,000-event append: the same 1,000 events (100 streams × 10) written by one
/// `COPY … FROM STDIN` (its own transaction) into the scratch table.
func copyLimitLoop(_ context: BenchContext, length: LoopLength, tag: String) throws -> LoopResult {
    let practices = context.practices
    let positions = try LimitPositions(session: try context.session())
    return try runClients(1, length, settings: context.settings, warmUp: 1) { client, session in
        var batch = 0
        return {
            let tenant = practices[batch % practices.count]
            let events = BenchEvents.batch(tag: "\(tag)-\(client)-\(batch)", streams: 100, perStream: 10)
            batch += 1
            let first = positions.reserve(tenant, count: Int64(events.count))
            let recordedAt = PostgresTime.text(for: Date())
            try session.copyIn(LimitTable.copySQL) { writer in
                for (index, event) in events.enumerated() {
                    try writer.writeRow(
                        LimitTable.row(
                            tenant: tenant, position: first + Int64(index), version: Int64(index % 10 + 1), event: event,
                            recordedAt: recordedAt))
                }
            }
            return events.count
        }
    }
}
