import Foundation

/// 1,000-event appends from one client beside their limit, COPY of the same 1,000 rows per statement,
/// alternating round by round.
func batchAppendBenchmark(_ context: BenchContext) throws -> [Figure] {
    var copies: [LoopResult] = []
    var appends: [LoopResult] = []
    let length = LoopLength.seconds(context.scale.runSeconds * 2)
    for round in 0..<context.scale.rounds {
        copies.append(try copyLimitLoop(context, length: length, tag: "copy\(round)"))
        appends.append(try batchAppendLoop(context, length: length, tag: "batch\(round)"))
        progress(
            "1,000-event batches, round \(round + 1): COPY \(Report.number(copies.last!.eventsPerSecond))/s, "
                + "append \(Report.number(appends.last!.eventsPerSecond))/s")
    }
    return [
        loopFigure("copy.batch", "limit: COPY of 1,000 rows per statement, 1 client", copies),
        loopFigure(
            "append.batch", "1,000-event append (100 streams × 10), 1 client", appends, limit: "copy.batch",
            pairedWith: copies, target: .ratioAtLeast(0.50)),
    ]
}
