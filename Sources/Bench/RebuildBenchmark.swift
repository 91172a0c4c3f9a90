import Foundation
import Postgres
import Projections

/// Rebuilds every projection from zero over the whole log, in a child process so that its peak resident
/// memory is its own, beside the raw read rate (`COPY … TO STDOUT`) of the same events.
func rebuildBenchmark(_ context: BenchContext) throws -> [Figure] {
    progress("rebuilding the projections from zero (child process)")
    let numbers = try runChild(context.executable, ["--child", "rebuild", context.settings.conninfo])
    let events = numbers["events"] ?? 0, elapsed = numbers["seconds"] ?? 1
    var rate = Figure(
        id: "rebuild", name: "projection rebuild: every event of every practice, from zero", value: events / elapsed, unit: "events/s",
        limit: "read.copy_out", target: .atLeast(100_000))
    rate.details = numbers
    rate.note = "serial replay into new tables and an atomic switch; the log holds the bench load's synthetic events too (read, skipped)"
    let memory = Figure(
        id: "rebuild.rss", name: "projection rebuild: peak resident memory (child process)", value: numbers["vm_hwm_mb"] ?? 0, unit: "MB",
        target: .below(300))
    return [rate, memory]
}

/// The child side of the rebuild figure.
func rebuildChild(conninfo: String) throws -> [String: Double] {
    let session = try DatabaseSession(conninfo: conninfo)
    let start = nanoseconds()
    let events = try ProjectionRebuild().run(in: session)
    let elapsed = seconds(since: start)
    return ["events": Double(events), "seconds": elapsed, "vm_hwm_mb": Machine.peakResidentMegabytes()]
}
