import Foundation
import Postgres

/// The machine and server a run measured on, and this process's memory.
enum Machine {
    /// VmHWM (peak resident set) of this process, in MB; it never goes down within a process.
    static func peakResidentMegabytes() -> Double { statusKilobytes("VmHWM") / 1000 }

    /// VmRSS (current resident set), in MB.
    static func residentMegabytes() -> Double { statusKilobytes("VmRSS") / 1000 }

    private static func statusKilobytes(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Double(String(digits)) ?? 0
        }
        return 0
    }

    /// The 1-, 5- and 15-minute load averages (others share this machine).
    static func loadAverage() -> [Double] {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
        return "unknown"
    }

    static let settingNames = [
        "server_version", "shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem",
        "synchronous_commit", "fsync", "full_page_writes", "wal_level", "wal_buffers", "wal_compression",
        "max_wal_size", "checkpoint_timeout", "commit_delay", "max_connections", "huge_pages", "jit",
    ]

    /// The server's settings that bear on these figures.
    static func postgresSettings(in session: DatabaseSession) throws -> [String: String] {
        var settings: [String: String] = [:]
        let rows = try session.query(
            SQL("bench_settings", "SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1::text[])"),
            [SQLParameter.textArray(settingNames)])
        for row in rows.rows { settings[try row.decode("name")] = try row.decode("value") }
        return settings
    }
}

/// Runs this executable as a child and returns the numbers it printed as JSON on its last line.
func runChild(_ executable: String, _ arguments: [String]) throws -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchError.failed("child \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    let lastLine = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    guard let numbers = try? JSONDecoder().decode([String: Double].self, from: Data(lastLine.utf8)) else {
        throw BenchError.failed("child \(arguments.joined(separator: " ")) printed no result")
    }
    return numbers
}
