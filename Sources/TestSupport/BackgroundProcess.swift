import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process started in the background with its standard output and error in a log file: `rcm projections
/// run` or `rcm era import` while a test restarts the database under it.
public final class BackgroundProcess: @unchecked Sendable {
    /// The process id.
    public let pid: pid_t
    /// Where its output goes (standard output and error together).
    public let logFile: URL
    private var exitStatus: Int32?

    /// Starts `arguments` with `environment` added to this process's.
    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bg-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let script = "log=$1; shift; exec \"$@\" >\"$log\" 2>&1"
        let argv = ["/bin/sh", "-c", script, "sh", log.path] + arguments
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw ServerProcess.StartFailure(description: "posix_spawn failed: \(spawned)") }
        self.pid = pid
        self.logFile = log
    }

    /// What it wrote so far.
    public var output: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Its exit status once it has exited (nil while it runs).
    public func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return exitStatus
    }

    /// Waits up to `timeout` seconds for it to exit; returns its status, or nil when it still runs.
    public func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = poll() { return status }
            usleep(50_000)
        }
        return poll()
    }

    /// Sends `signal` and waits for the exit.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM) -> Int32? {
        if let status = poll() { return status }
        kill(pid, signal)
        if let status = wait(timeout: 10) { return status }
        kill(pid, SIGKILL)
        return wait(timeout: 10)
    }
}
