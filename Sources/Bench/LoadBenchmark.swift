import EventStore
import Foundation
import Postgres

/// Loads the scale's events (full: 5 million over 50 practices) through 1,000-event appends with 2
/// clients, then fills the limits' scratch table with the same rows, so that the product and its limit
/// write into tables of the same size afterwards.
func loadBenchmark(_ context: BenchContext) throws -> [Figure] {
    let clients = 2
    let perClient = context.scale.loadEvents / clients
    progress("loading \(context.scale.loadEvents) events over \(context.practices.count) practices (1,000-event appends, \(clients) clients)")
    let load = try batchAppendLoop(context, length: .eventsPerClient(perClient), clients: clients, tag: "load")
    var figure = loopFigure(
        "load", "load: 1,000-event appends, \(clients) clients, \(context.practices.count) practices", [load])
    figure.note = "the data the append and limit figures run over (synthetic claim-line events); the claims-load step adds the demo company"

    progress("filling the scratch table with the same rows")
    let session = try context.session()
    let start = nanoseconds()
    try LimitTable.fill(in: session)
    try EventLog.vacuumAnalyze(in: session)
    try session.executeScript("VACUUM ANALYZE \(LimitTable.name)", name: "bench_vacuum")
    figure.details["scratch_fill_and_vacuum_seconds"] = seconds(since: start)
    let count = try EventLog.countsByType(in: session).values.reduce(0, +)
    figure.details["events_in_log"] = Double(count)
    return [figure]
}
