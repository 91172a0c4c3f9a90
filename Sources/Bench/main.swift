import EventStore
import Foundation
import Postgres
import Schema

// rcm-bench: the product's speed beside PostgreSQL's own limit, in one run on one machine.
// Scripts/bench builds it in release mode, starts the local cluster and runs it; see docs/benchmarks.md.
//
//   rcm-bench --admin-url URL [--scale small|full] [--database rcm_bench] [--json bench/results.json]
//             [--only NAME,NAME] [--reuse] [--command TEXT] [--git-commit SHA]
//   --reuse measures the database as it is (no drop, migration, onboarding or load): for steps that read what is
//   there, e.g. `--scale full --reuse --only eligibility-import` after a full run, or `--only reports --database
//   rcm_demo` over `rcm demo seed`'s practices. `eligibility-load` runs only when named: the 271 step's 10,000 patients
//   without the full claims load (`--scale small --only eligibility-load`, then `--scale full --reuse --only
//   eligibility-import`).
//   rcm-bench --child x12-read FILE        (used by the harness itself: a phase with a peak memory of its own)

/// The steps of a run, in order (the load first: the other figures run over its data).
enum Benchmarks {
    static let all: [Benchmark] = [
        Benchmark(name: "load", run: loadBenchmark),
        Benchmark(name: "single-event", run: singleEventBenchmark),
        Benchmark(name: "batch-append", run: batchAppendBenchmark),
        Benchmark(name: "read-rate", run: readRateBenchmark),
        Benchmark(name: "x12-read", run: x12ReadBenchmark),
        Benchmark(name: "x12-write", run: x12WriteBenchmark),
        Benchmark(name: "claims-load", run: claimsLoadBenchmark),
        Benchmark(name: "rebuild", run: rebuildBenchmark),
        Benchmark(name: "reports", run: reportLatencyBenchmark),
        Benchmark(name: "era-import", run: eraImportBenchmark),
        Benchmark(name: "eligibility-load", run: eligibilityLoadBenchmark, byNameOnly: true),
        Benchmark(name: "eligibility-import", run: eligibilityImportBenchmark),
        Benchmark(name: "sealing", run: sealingBenchmark),
        Benchmark(name: "http", run: httpBenchmark),
        Benchmark(name: "citus", run: citusBenchmark),
    ]
}

struct Options {
    var scale = Scale.small
    var adminURL = ProcessInfo.processInfo.environment["RCM_BENCH_ADMIN_URL"] ?? ""
    /// A Citus coordinator's owner URL (`RCM_CITUS_URL`): the `citus` step uses that database as it is (emptied of
    /// the product's schemas, migrated, so distributed) and distributes the limit's table like the log's.
    var citusURL: String? = ProcessInfo.processInfo.environment["RCM_CITUS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    var database = "rcm_bench"
    var jsonPath = "bench/results.json"
    var only: Set<String>? = nil
    /// Keep the database an earlier run of the same scale loaded (no drop, no load step): to measure one step again.
    var reuse = false
    var command = "rcm-bench"
    var gitCommit: String? = nil
    var child: [String]? = nil

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw BenchError.failed("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--scale":
                let text = try value()
                guard let scale = Scale(rawValue: text) else { throw BenchError.failed("--scale is small or full, not \(text)") }
                options.scale = scale
            case "--admin-url": options.adminURL = try value()
            case "--database": options.database = try value()
            case "--json": options.jsonPath = try value()
            case "--only": options.only = Set(try value().split(separator: ",").map(String.init))
            case "--reuse": options.reuse = true
            case "--command": options.command = try value()
            case "--git-commit": options.gitCommit = try value()
            case "--child":
                options.child = Array(arguments[(index + 1)...])
                return options
            case "-h", "--help":
                print("usage: rcm-bench --admin-url URL [--scale small|full] [--database NAME] [--json PATH] [--only NAME,…] [--reuse]")
                print("steps: " + Benchmarks.all.map(\.name).joined(separator: ", "))
                exit(0)
            default: throw BenchError.failed("unknown argument \(arguments[index])")
            }
            index += 1
        }
        return options
    }
}

/// Drops and creates the benchmark database, migrates it, onboards the practices and makes the scratch table.
func prepareDatabase(_ options: Options) throws -> (ConnectionSettings, [TenantID]) {
    let admin = ConnectionSettings(conninfo: options.adminURL)
    do {
        let session = try DatabaseSession(conninfo: admin.conninfo)
        let name = try session.quotedIdentifier(options.database)
        try session.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", name: "bench_drop_db")
        try session.executeScript("CREATE DATABASE \(name) OWNER rcm_owner", name: "bench_create_db")
    }
    let settings = admin.database(options.database)
    let session = try DatabaseSession(conninfo: settings.conninfo)
    _ = try Migrator().migrate(session)
    let practices = try onboardPractices(options.scale, in: session)
    try LimitTable.create(in: session)
    return (settings, practices)
}

/// The database as it is (`--reuse`): the bench's practices, if an earlier run made them, read back from the directory.
func reuseDatabase(_ options: Options) throws -> (ConnectionSettings, [TenantID]) {
    let settings = ConnectionSettings(conninfo: options.adminURL).database(options.database)
    let session = try DatabaseSession(conninfo: settings.conninfo)
    let practices = try TenantDirectory.list(in: session).filter { $0.slug.hasPrefix("bench-practice-") }.map(\.id)
    return (settings, practices)
}

/// On a Citus coordinator: the product's schemas emptied and migrated again (V0017 distributes them), the
/// limit's table distributed by tenant_id and co-located with the log, so both run on the same workers.
func prepareCitusDatabase(_ scale: Scale, _ settings: ConnectionSettings) throws -> (ConnectionSettings, [TenantID]) {
    progress("Citus coordinator from RCM_CITUS_URL: its product schemas are emptied")
    let session = try DatabaseSession(conninfo: settings.conninfo)
    try session.executeScript(
        "DROP SCHEMA IF EXISTS bench, rcm_analytics, rcm_analytics_store, rcm_phi, rcm_auth, rcm, rcm_schema CASCADE", name: "bench_citus_reset")
    _ = try Migrator().migrate(session)
    let practices = try onboardPractices(scale, in: session)
    try LimitTable.create(in: session)
    try session.executeScript(
        "SELECT create_distributed_table('\(LimitTable.name)', 'tenant_id', colocate_with := '\(EventLog.tableName)')",
        name: "bench_citus_distribute_limit")
    return (settings, practices)
}

/// The benchmark's practices, onboarded in one transaction.
func onboardPractices(_ scale: Scale, in session: DatabaseSession) throws -> [TenantID] {
    var practices: [TenantID] = []
    try session.withTransaction { session in
        for index in 1...scale.practices {
            let id = TenantID(UUID())
            let slug = "bench-practice-" + String(index).leftPadded(2)
            _ = try TenantDirectory.create(id: id, slug: slug, kind: .practice, timeZone: "America/New_York", in: session)
            practices.append(id)
        }
    }
    return practices
}

func runBenchmarks(_ options: Options) throws {
    guard !options.adminURL.isEmpty else { throw BenchError.failed("--admin-url (or RCM_BENCH_ADMIN_URL) is required") }
    let runStart = nanoseconds()
    let loadStart = Machine.loadAverage()
    progress("scale \(options.scale.rawValue): \(options.reuse ? "reusing" : "preparing") database \(options.database)")
    let (settings, practices) = options.reuse ? try reuseDatabase(options) : try prepareDatabase(options)
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let context = BenchContext(scale: options.scale, settings: settings, executable: executable)
    context.practices = practices
    context.citusSettings = options.citusURL.map { ConnectionSettings(conninfo: $0) }
    let postgres = try Machine.postgresSettings(in: try context.session())
    for benchmark in Benchmarks.all where options.only?.contains(benchmark.name) ?? !benchmark.byNameOnly || (benchmark.name == "load" && !options.reuse) {
        progress("\(benchmark.name)…")
        let start = nanoseconds()
        let figures = try benchmark.run(context)
        context.figures.append(contentsOf: figures)
        context.phases.append((benchmark.name, seconds(since: start), Machine.peakResidentMegabytes()))
    }
    let rows = Report.rows(context.figures)
    let table = Report.table(rows)
    print(table)
    var notes = rows.compactMap { row in row.note.map { "- \(row.figure): \($0)" } }
    notes.insert(
        "- ratio: where a figure and its limit ran in alternating rounds, the median of the rounds' ratios; "
            + "values are medians of \(options.scale.rounds) rounds", at: 0)
    if !notes.isEmpty { print("\n" + notes.joined(separator: "\n")) }
    let loadEnd = Machine.loadAverage()
    let gibibytes = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    print(
        "\nscale \(options.scale.rawValue); \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + String(format: "%.1f GiB", gibibytes)
            + ", load average \(loadStart.first.map { String(format: "%.1f", $0) } ?? "?") at start, "
            + "\(loadEnd.first.map { String(format: "%.1f", $0) } ?? "?") at end; PostgreSQL \(postgres["server_version"] ?? "?"), "
            + ["shared_buffers", "synchronous_commit", "fsync", "max_wal_size"].map { "\($0) \(postgres[$0] ?? "?")" }
            .joined(separator: ", "))
    let document = Report.Document(
        generated_at: ISO8601DateFormatter().string(from: Date()), scale: options.scale, command: options.command,
        git_commit: options.gitCommit,
        machine: .init(
            cores: ProcessInfo.processInfo.activeProcessorCount, memory_bytes: ProcessInfo.processInfo.physicalMemory,
            cpu_model: Machine.cpuModel(), load_average_start: loadStart, load_average_end: loadEnd),
        postgres: postgres, figures: rows,
        phases: context.phases.map { .init(name: $0.name, seconds: $0.seconds, process_peak_rss_megabytes_after: $0.vmHWMMegabytes) },
        process_peak_rss_megabytes: Machine.peakResidentMegabytes(), total_seconds: seconds(since: runStart))
    let url = URL(fileURLWithPath: options.jsonPath)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Report.json(document).write(to: url)
    progress("wrote \(options.jsonPath) (\(Report.number(seconds(since: runStart))) s)")
}

func runChildPhase(_ arguments: [String]) throws {
    switch arguments.first {
    case "x12-read":
        guard arguments.count == 2 else { throw BenchError.failed("--child x12-read FILE") }
        let numbers = try x12ReadChild(path: arguments[1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(numbers), as: UTF8.self))
    case "rebuild":
        guard arguments.count == 2 else { throw BenchError.failed("--child rebuild CONNINFO") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(try rebuildChild(conninfo: arguments[1])), as: UTF8.self))
    default:
        throw BenchError.failed("unknown child phase \(arguments.first ?? "")")
    }
}

do {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    if let child = options.child {
        try runChildPhase(child)
    } else {
        try runBenchmarks(options)
    }
} catch {
    FileHandle.standardError.write(Data("rcm-bench: \(error)\n".utf8))
    exit(1)
}
