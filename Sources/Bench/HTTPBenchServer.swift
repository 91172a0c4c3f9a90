import Dispatch
import Foundation
import Postgres

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A practice seeded through the `rcm` binary in a database of its own (`rcm_bench_http`), an API key
/// allowed to log sessions and read, and `rcm serve` running on loopback against it (as `rcm_server`).
final class HTTPBenchServer: @unchecked Sendable {
    let rcm: String
    let settings: ConnectionSettings
    let patientKey: String
    let apiKey: String
    private(set) var process: Process?
    private(set) var baseURL = ""

    /// Creates and seeds the database with the `rcm` binary beside this executable (Scripts/bench builds both).
    init(admin: ConnectionSettings, executable: String) throws {
        let binary = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("rcm").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError.failed("no rcm binary at \(binary): swift build -c release --product rcm") }
        rcm = binary
        let session = try DatabaseSession(conninfo: admin.database("postgres").conninfo)
        try session.executeScript("DROP DATABASE IF EXISTS rcm_bench_http WITH (FORCE)", name: "bench_http_drop")
        try session.executeScript("CREATE DATABASE rcm_bench_http OWNER rcm_owner", name: "bench_http_create")
        let database = admin.database("rcm_bench_http")
        settings = database
        let owner = database.conninfo
        func run(_ arguments: [String]) throws -> String { try Self.run(binary, arguments, environment: ["RCM_DATABASE_URL": owner]) }
        _ = try run(["migrate"])
        _ = try run([
            "company", "configure", "--name", "Bench Billing", "--etin", "BNB0001", "--sender-id", "BENCHBILL", "--receiver-id", "CLEARHOUSE",
            "--receiver-name", "Clearinghouse", "--phone", "3125550100",
        ])
        _ = try run([
            "tenant", "add", "--slug", "acme", "--name", "Acme Counseling LLC", "--time-zone", "America/Chicago", "--npi", "1234567893",
            "--tax-id", "123456789", "--street", "100 Main St", "--city", "Springfield", "--state", "IL", "--zip", "627011234",
        ])
        _ = try run(["payer", "add", "--id", "aetna", "--name", "Aetna", "--payer-id", "60054", "--kind", "commercial"])
        _ = try run([
            "provider", "add", "--tenant", "acme", "--id", "dr-lee", "--first", "Dana", "--last", "Lee", "--npi", "1234567893", "--taxonomy",
            "103T00000X", "--licence", "psychologist",
        ])
        _ = try run(["payer", "enroll", "--tenant", "acme", "--payer", "aetna", "--providers", "dr-lee", "--rate", "90837=132.00"])
        patientKey = try run([
            "patient", "add", "--tenant", "acme", "--first", "Bench", "--last", "Patient", "--dob", "1988-04-12", "--member-id", "WQX99887766",
            "--address", "9 Birch Rd, Springfield, IL 62701",
        ])
        _ = try run(["coverage", "add", "--tenant", "acme", "--patient", patientKey, "--payer", "aetna", "--copay", "25.00", "--from", "2026-01-01"])
        apiKey = try run(["apikey", "create", "--label", "bench", "--tenant", "acme", "--actions", "read,sessions.log"])
            .split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Starts `rcm serve` (group commit on or off) and waits until it listens.
    func start(groupCommit: Bool) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rcm)
        process.arguments = ["serve", "--port", "0", "--connections", "16"]
        var environment = ProcessInfo.processInfo.environment
        environment["RCM_DATABASE_URL"] = settings.login("rcm_server").conninfo
        environment["RCM_GROUP_COMMIT"] = groupCommit ? "on" : "off"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<300 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on 127\.0\.0\.1:\d+"#, options: .regularExpression) {
                baseURL = "http://127.0.0.1:" + (text[range].split(separator: ":").last.map(String.init) ?? "")
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw BenchError.failed("rcm serve did not start")
    }

    func stop() {
        process?.terminate()
        process?.waitUntilExit()
        process = nil
    }

    /// Runs the rcm binary; its trimmed standard output, or an error with its standard error.
    static func run(_ rcm: String, _ arguments: [String], environment extra: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rcm)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.failed("rcm \(arguments.prefix(2).joined(separator: " ")): \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One blocking request with the API key; the status and body.
    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:], session: URLSession) -> (Int, Data) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Int, Data) = (0, Data())
        session.dataTask(with: request) { data, response, _ in
            answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        return answer
    }
}
