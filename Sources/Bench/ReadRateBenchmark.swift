import EventStore
import Foundation
import Postgres

/// The raw read rate, the limit of a projection rebuild: every event's columns streamed by
/// `COPY (SELECT … FROM` the log`) TO STDOUT` (`EventLog.copyAll`) into this process (rows counted, nothing decoded).
func readRateBenchmark(_ context: BenchContext) throws -> [Figure] {
    let session = try context.session()
    var rates: [Double] = []
    var megabytesPerSecond: [Double] = []
    var rows = 0
    for _ in 0..<3 {
        let start = nanoseconds()
        rows = 0
        let bytes = try EventLog.copyAll(in: session) { chunk in
            for byte in chunk where byte == 10 { rows += 1 }
        }
        let elapsed = seconds(since: start)
        rates.append(Double(rows) / elapsed)
        megabytesPerSecond.append(Double(bytes) / 1_000_000 / elapsed)
    }
    var figure = Figure(
        id: "read.copy_out", name: "raw read: COPY (SELECT … FROM \(EventLog.tableName)) TO STDOUT", value: median(rates),
        unit: "events/s")
    figure.details["events"] = Double(rows)
    figure.details["megabytes_per_second"] = median(megabytesPerSecond)
    figure.note = "the limit for a projection rebuild"
    return [figure]
}
