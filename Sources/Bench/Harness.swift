import EventStore
import Foundation
import Postgres

/// How much work a run does. `small` is a quick local check (a few minutes); `full` is the scale the
/// issue's targets are stated for (at least 5 million events over 50 practices).
enum Scale: String, Sendable, Encodable {
    case small
    case full

    /// Events loaded through 1,000-event appends before the other figures run.
    var loadEvents: Int { self == .full ? 5_000_000 : 100_000 }
    /// Practices the load spreads over (the single-event appends use the first 16).
    var practices: Int { 50 }
    /// Seconds per timed run of a client loop.
    var runSeconds: Double { self == .full ? 8 : 2 }
    /// Runs of each loop, alternating with its limit; the figure is their median.
    var rounds: Int { 5 }
    /// Claims in the 837P written by the X12 writing figure.
    var claimsToWrite: Int { self == .full ? 100_000 : 20_000 }
    /// Size of the 835 read by the X12 reading figure (the target is stated for 50 MB).
    var remittanceMegabytes: Int { 50 }
}

/// What a figure is held to.
enum Target: Sendable, Encodable, CustomStringConvertible {
    /// The ratio to the figure's limit must be at least this (0.65 = 65%).
    case ratioAtLeast(Double)
    /// The value must be at least this.
    case atLeast(Double)
    /// The value must be below this.
    case below(Double)

    var description: String {
        switch self {
        case .ratioAtLeast(let ratio): "≥ \(Int((ratio * 100).rounded()))% of limit"
        case .atLeast(let value): "≥ \(Report.number(value))"
        case .below(let value): "< \(Report.number(value))"
        }
    }

    func passes(value: Double, ratio: Double?) -> Bool? {
        switch self {
        case .ratioAtLeast(let wanted): ratio.map { $0 >= wanted }
        case .atLeast(let wanted): value >= wanted
        case .below(let wanted): value < wanted
        }
    }

    enum CodingKeys: String, CodingKey { case kind, value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ratioAtLeast(let value):
            try container.encode("ratio_at_least", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .atLeast(let value):
            try container.encode("at_least", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .below(let value):
            try container.encode("below", forKey: .kind)
            try container.encode(value, forKey: .value)
        }
    }
}

/// One measured figure: a row of the table and an entry of `bench/results.json`.
struct Figure: Sendable {
    /// A stable key, e.g. `append.single.c4`.
    var id: String
    /// What the table prints, e.g. `single-event append, 4 clients`.
    var name: String
    /// The measured value (the median of the rounds, where there are several).
    var value: Double
    /// Its unit, e.g. `events/s`.
    var unit: String
    /// The id of the figure this one is compared to (its limit), if any.
    var limit: String? = nil
    /// What it is held to, if anything.
    var target: Target? = nil
    /// Latency of one operation, when the figure has one.
    var p50Milliseconds: Double? = nil
    var p99Milliseconds: Double? = nil
    /// Round-by-round ratios to the limit, when the figure and its limit ran in alternating rounds; the
    /// ratio reported is then their median (a neighbour's burst hits both runs of a round alike).
    var pairedRatios: [Double]? = nil
    /// Anything else worth keeping: counts, seconds, each round's value, peak memory.
    var details: [String: Double] = [:]
    /// A short remark printed under the table.
    var note: String? = nil
}

/// What every benchmark function receives: the scale, the database, and the figures measured so far.
final class BenchContext: @unchecked Sendable {
    let scale: Scale
    /// The benchmark database (`rcm_bench`), as the owner's login.
    let settings: ConnectionSettings
    /// This executable, for phases that run in a child process (peak memory of their own).
    let executable: String
    /// The practices, created at setup.
    var practices: [TenantID] = []
    /// A Citus coordinator's owner login (`RCM_CITUS_URL`), for the `citus` step; nil skips it.
    var citusSettings: ConnectionSettings?
    /// The figures so far (a benchmark may read earlier ones).
    var figures: [Figure] = []
    /// Peak resident memory of this process after each phase (VmHWM never goes down).
    var phases: [(name: String, seconds: Double, vmHWMMegabytes: Double)] = []

    init(scale: Scale, settings: ConnectionSettings, executable: String) {
        self.scale = scale
        self.settings = settings
        self.executable = executable
    }

    /// Opens a blocking session on the benchmark database.
    func session() throws -> DatabaseSession {
        try DatabaseSession(conninfo: settings.conninfo)
    }

    func figure(_ id: String) -> Figure? { figures.last { $0.id == id } }
}

/// One step of the run: a name and a function that measures and returns figures.
///
/// To add a figure, write `func somethingBenchmark(_ context: BenchContext) throws -> [Figure]` in a file of
/// its own and list it in `Benchmarks.all` (order matters: the load comes first).
struct Benchmark: Sendable {
    let name: String
    let run: @Sendable (BenchContext) throws -> [Figure]
    /// Runs only when `--only` names it (data for another step, not a figure of the default run).
    var byNameOnly = false
}

/// The median of a list of values (0 for none).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A percentile (0…1) of nanosecond samples, in milliseconds.
func percentileMilliseconds(_ samples: [UInt64], _ fraction: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
    return Double(sorted[index]) / 1_000_000
}

/// Monotonic nanoseconds.
@inline(__always) func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU seconds this thread has used (the X12 figures are single-threaded; on a shared machine their CPU
/// time says what the wall clock cannot).
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
}

/// Seconds since `start` (from `nanoseconds()`).
func seconds(since start: UInt64) -> Double { Double(nanoseconds() - start) / 1_000_000_000 }

/// Prints progress to standard error, so the table on standard output stays clean.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
}

extension String {
    /// Padded on the left to `width` characters.
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
