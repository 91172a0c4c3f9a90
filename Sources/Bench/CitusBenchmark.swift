import EventStore
import Foundation
import Postgres

/// The single-event append at 4 clients on a Citus cluster (`RCM_CITUS_URL`, a coordinator's owner URL) beside
/// a plain autocommit INSERT into a distributed table of the log's shape on the same cluster, with the same pair
/// on the single node of the run in the same rounds: single node INSERT, append, then Citus INSERT, append, round
/// after round, so that a noisy neighbour hits all four alike. The figure held to a target is the Citus ratio
/// over the single-node ratio (the issue: within 20%). Each round also runs the append as one statement without
/// BEGIN/COMMIT on both engines, beside the same INSERTs. Skipped, with a note, when `RCM_CITUS_URL` is not set.
func citusBenchmark(_ context: BenchContext) throws -> [Figure] {
    guard let citusSettings = context.citusSettings else {
        progress("citus: skipped (set RCM_CITUS_URL to a Citus coordinator's owner URL to run it)")
        return []
    }
    let (settings, practices) = try prepareCitusDatabase(context.scale, citusSettings)
    let citus = BenchContext(scale: context.scale, settings: settings, executable: context.executable)
    citus.practices = practices
    var single: (insert: [LoopResult], append: [LoopResult], autocommit: [LoopResult]) = ([], [], [])
    var cluster: (insert: [LoopResult], append: [LoopResult], autocommit: [LoopResult]) = ([], [], [])
    for round in 0..<context.scale.rounds {
        let tag = "citus-c4r\(round)"
        single.insert.append(try insertLimitLoop(context, clients: 4, tag: "i1" + tag))
        single.append.append(try singleEventAppendLoop(context, clients: 4, mode: .transaction, notifier: nil, tag: "a1" + tag))
        single.autocommit.append(try singleEventAppendLoop(context, clients: 4, mode: .autocommit, notifier: nil, tag: "s1" + tag))
        cluster.insert.append(try insertLimitLoop(citus, clients: 4, tag: "iN" + tag))
        cluster.append.append(try singleEventAppendLoop(citus, clients: 4, mode: .transaction, notifier: nil, tag: "aN" + tag))
        cluster.autocommit.append(try singleEventAppendLoop(citus, clients: 4, mode: .autocommit, notifier: nil, tag: "sN" + tag))
        progress(
            "citus round \(round + 1): single node INSERT \(Report.number(single.insert.last!.eventsPerSecond))/s, "
                + "append \(Report.number(single.append.last!.eventsPerSecond))/s "
                + "(one statement \(Report.number(single.autocommit.last!.eventsPerSecond))/s); Citus INSERT "
                + "\(Report.number(cluster.insert.last!.eventsPerSecond))/s, append \(Report.number(cluster.append.last!.eventsPerSecond))/s "
                + "(one statement \(Report.number(cluster.autocommit.last!.eventsPerSecond))/s)")
    }
    let singleInsert = loopFigure("citus.single.insert.c4", "limit: autocommit INSERT per event, 4 clients, single node (Citus rounds)", single.insert)
    let singleAppend = loopFigure(
        "citus.single.append.c4", "single-event append, 4 clients, single node (Citus rounds)", single.append,
        limit: singleInsert.id, pairedWith: single.insert)
    let clusterInsert = loopFigure(
        "citus.insert.c4", "limit: autocommit INSERT per event into a distributed table, 4 clients, Citus", cluster.insert)
    var clusterAppend = loopFigure(
        "citus.append.c4", "single-event append, 4 clients, Citus", cluster.append, limit: clusterInsert.id, pairedWith: cluster.insert)
    clusterAppend.note = "Citus: coordinator and workers of RCM_CITUS_URL; the append is delegated to the tenant's worker"
    let singleRatios = singleAppend.pairedRatios ?? []
    let clusterRatios = clusterAppend.pairedRatios ?? []
    let relative = zip(clusterRatios, singleRatios).map { $1 > 0 ? $0 / $1 : 0 }
    var comparison = Figure(
        id: "citus.ratio.c4", name: "Citus append/INSERT ratio over the single node's, 4 clients", value: median(relative), unit: "×",
        target: .atLeast(0.8))
    comparison.details = Dictionary(uniqueKeysWithValues: relative.enumerated().map { ("round_\($0.offset + 1)", $0.element) })
    comparison.details["citus_ratio_median"] = median(clusterRatios)
    comparison.details["single_node_ratio_median"] = median(singleRatios)
    comparison.note = "per round: (Citus append / Citus INSERT) / (single-node append / single-node INSERT); the median of the rounds"
    // The append sent as one statement, without BEGIN/COMMIT (as `EventStore.append` sends a lone append): on
    // Citus the delegated call then runs in the worker's own transaction, with no distributed transaction
    // around it. Not the product's command path (a command's unit of work is a transaction): a measure of what
    // the transaction costs on each engine.
    let singleOne = loopFigure(
        "citus.single.append.c4.autocommit", "single-event append, one statement, 4 clients, single node (Citus rounds)",
        single.autocommit, limit: singleInsert.id, pairedWith: single.insert)
    let clusterOne = loopFigure(
        "citus.append.c4.autocommit", "single-event append, one statement, 4 clients, Citus", cluster.autocommit,
        limit: clusterInsert.id, pairedWith: cluster.insert)
    let relativeOne = zip(clusterOne.pairedRatios ?? [], singleOne.pairedRatios ?? []).map { $1 > 0 ? $0 / $1 : 0 }
    var comparisonOne = Figure(
        id: "citus.ratio.c4.autocommit", name: "the same ratio over the single node's, the append as one statement", value: median(relativeOne),
        unit: "×")
    comparisonOne.details = Dictionary(uniqueKeysWithValues: relativeOne.enumerated().map { ("round_\($0.offset + 1)", $0.element) })
    comparisonOne.note = "per round: (Citus one-statement append / Citus INSERT) / (single-node one-statement append / single-node INSERT)"
    return [singleInsert, singleAppend, clusterInsert, clusterAppend, comparison, singleOne, clusterOne, comparisonOne]
}
