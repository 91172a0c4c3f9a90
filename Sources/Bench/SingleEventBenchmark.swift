import EventStore
import Foundation
import Postgres

/// Single-event appends with 1, 4 and 16 clients over 16 practices beside their limit (one autocommit
/// INSERT per event), alternating round by round so that a noisy neighbour hits both alike. At 4 clients
/// it also measures the append with wake-ups on (their separate cost) and the append sent as one statement
/// without BEGIN/COMMIT (the cost of the two extra round trips).
func singleEventBenchmark(_ context: BenchContext) throws -> [Figure] {
    var figures: [Figure] = []
    let notifier = WakeupNotifier(settings: context.settings)
    for clients in [1, 4, 16] {
        var insert: [LoopResult] = []
        var append: [LoopResult] = []
        var wakeups: [LoopResult] = []
        var autocommit: [LoopResult] = []
        var sentBefore = 0
        var sentAfter = 0
        for round in 0..<context.scale.rounds {
            let tag = "c\(clients)r\(round)"
            insert.append(try insertLimitLoop(context, clients: clients, tag: "i" + tag))
            append.append(try singleEventAppendLoop(context, clients: clients, mode: .transaction, notifier: nil, tag: "a" + tag))
            if clients == 4 {
                sentBefore += notifier.sentCount
                wakeups.append(
                    try singleEventAppendLoop(context, clients: clients, mode: .transaction, notifier: notifier, tag: "w" + tag))
                Thread.sleep(forTimeInterval: 0.05)
                sentAfter += notifier.sentCount
                autocommit.append(
                    try singleEventAppendLoop(context, clients: clients, mode: .autocommit, notifier: nil, tag: "s" + tag))
            }
            progress(
                "single events, \(clients) clients, round \(round + 1): INSERT \(Report.number(insert.last!.eventsPerSecond))/s, "
                    + "append \(Report.number(append.last!.eventsPerSecond))/s")
        }
        figures.append(
            loopFigure(
                "insert.c\(clients)", "limit: autocommit INSERT per event, \(clients) client\(clients == 1 ? "" : "s")", insert))
        figures.append(
            loopFigure(
                "append.c\(clients)", "single-event append, \(clients) client\(clients == 1 ? "" : "s")", append,
                limit: "insert.c\(clients)", pairedWith: insert, target: clients == 4 ? .ratioAtLeast(0.65) : nil))
        if clients == 4 {
            var withWakeups = loopFigure(
                "append.c4.wakeups", "single-event append, 4 clients, wake-ups on (limit: off)", wakeups, limit: "append.c4",
                pairedWith: append)
            withWakeups.details["notifications_sent"] = Double(sentAfter - sentBefore)
            withWakeups.note = "wake-ups: the coalesced NOTIFY after commit (WakeupNotifier, 5 ms); ratio = rate kept with them on"
            figures.append(withWakeups)
            var single = loopFigure(
                "append.c4.autocommit", "single-event append, 4 clients, one statement, no BEGIN/COMMIT", autocommit,
                limit: "insert.c4", pairedWith: insert)
            single.note = "the same append without the explicit transaction: 1 round trip instead of 3"
            figures.append(single)
        }
    }
    return figures
}

/// A figure from the rounds of a client loop: the median rate, latency over every counted operation; with
/// `pairedWith` (its limit's rounds, run alternately), the ratio is the median of the rounds' ratios.
func loopFigure(
    _ id: String, _ name: String, _ rounds: [LoopResult], unit: String = "events/s", limit: String? = nil,
    pairedWith limitRounds: [LoopResult]? = nil, target: Target? = nil
) -> Figure {
    let latencies = rounds.flatMap(\.latencies)
    var figure = Figure(
        id: id, name: name, value: median(rounds.map(\.eventsPerSecond)), unit: unit, limit: limit, target: target,
        p50Milliseconds: percentileMilliseconds(latencies, 0.50), p99Milliseconds: percentileMilliseconds(latencies, 0.99))
    if let limitRounds, limitRounds.count == rounds.count {
        figure.pairedRatios = zip(rounds, limitRounds).map { $1.eventsPerSecond > 0 ? $0.eventsPerSecond / $1.eventsPerSecond : 0 }
    }
    figure.details["events"] = Double(rounds.map(\.events).reduce(0, +))
    figure.details["operations"] = Double(rounds.map(\.operations).reduce(0, +))
    figure.details["seconds"] = rounds.map(\.seconds).reduce(0, +)
    for (index, round) in rounds.enumerated() { figure.details["round_\(index + 1)"] = round.eventsPerSecond }
    return figure
}
