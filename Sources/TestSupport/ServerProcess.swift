import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A running `rcm serve` on loopback for HTTP tests: started on a free port (`--port 0`) as the server's
/// login against a test database; stopped with SIGTERM, which it answers by draining and exiting 0.
public final class ServerProcess: @unchecked Sendable {
    /// The base URL, `http://127.0.0.1:PORT`.
    public let baseURL: URL
    /// The process id.
    public let pid: pid_t
    /// Where its output goes.
    public let logFile: URL

    /// Starts the built binary with `RCM_DATABASE_URL = conninfo` (and `environment` besides) and waits until it
    /// listens; `extra` are further arguments of `rcm serve` (`--tls-cert F --tls-key F` gives an `https` base URL).
    public static func start(conninfo: String, extra: [String] = [], environment overrides: [String: String] = [:]) throws -> ServerProcess {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let script = "log=$1; shift; exec \"$0\" serve --port 0 --connections 4 \"$@\" >\"$log\" 2>&1"
        let arguments = ["/bin/sh", "-c", script, Repository.rcmBinary.path, log.path] + extra
        let scheme = extra.contains("--tls-cert") ? "https" : "http"
        var environment = ProcessInfo.processInfo.environment
        environment["RCM_DATABASE_URL"] = conninfo
        environment.merge(overrides) { $1 }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, envp)
        guard spawned == 0 else { throw StartFailure(description: "posix_spawn failed: \(spawned)") }
        for _ in 0..<300 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on [0-9.]+:(\d+)"#, options: .regularExpression) {
                let port = text[range].split(separator: ":").last.map(String.init) ?? ""
                return ServerProcess(baseURL: URL(string: "\(scheme)://127.0.0.1:\(port)")!, pid: pid, logFile: log)
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { throw StartFailure(description: "rcm serve exited: \(text)") }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        throw StartFailure(description: "rcm serve did not listen within 30 s")
    }

    init(baseURL: URL, pid: pid_t, logFile: URL) {
        self.baseURL = baseURL
        self.pid = pid
        self.logFile = logFile
    }

    /// Sends SIGTERM and waits; returns the exit status (0 after a graceful shutdown).
    @discardableResult
    public func stop() -> Int32 {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xff }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return -1
    }

    /// Kills it with SIGKILL (no drain, no cleanup) and waits for it.
    public func killNow() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// What the server logged.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The server did not start.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }
}
