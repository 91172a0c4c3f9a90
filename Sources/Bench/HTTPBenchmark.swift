import Foundation
import Postgres

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 17's HTTP figures, through `rcm serve` on loopback with a Swift client: `POST` session at 1, 4 and
/// 16 concurrent clients of one API key, with group commit on and off, beside the autocommit INSERT limit
/// at the same concurrency (alternating round by round); then a claim's read and the aging report, p50/p99.
func httpBenchmark(_ context: BenchContext) throws -> [Figure] {
    let admin = ConnectionSettings(conninfo: context.settings.conninfo)
    let server = try HTTPBenchServer(admin: admin, executable: context.executable)
    defer { server.stop() }
    let session = URLSession(configuration: .ephemeral)
    let counter = Counter()
    @Sendable func post() -> Int {
        let index = counter.next()
        let body: [String: Any] = [
            "patientKey": server.patientKey, "dateOfService": "2026-0\(1 + index % 9)-1\(index % 9)", "rendering": "dr-lee", "minutes": 53,
            "diagnoses": ["F41.1"], "lines": [["code": "90837", "units": 1, "charge": "132.00"]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: body)
        let (status, _) = server.request("POST", "/practices/acme/sessions", body: data, headers: ["Idempotency-Key": "bench-\(index)"], session: session)
        return status == 201 ? 1 : 0
    }
    var figures: [Figure] = []
    let rounds = min(3, context.scale.rounds)
    for clients in [1, 4, 16] {
        var insert: [LoopResult] = []
        var grouped: [LoopResult] = []
        var single: [LoopResult] = []
        for round in 0..<rounds {
            insert.append(try insertLimitLoop(context, clients: clients, tag: "hi-c\(clients)r\(round)"))
            try server.start(groupCommit: true)
            grouped.append(try runClients(clients, .seconds(context.scale.runSeconds), settings: context.settings) { _, _ in { post() } })
            server.stop()
            try server.start(groupCommit: false)
            single.append(try runClients(clients, .seconds(context.scale.runSeconds), settings: context.settings) { _, _ in { post() } })
            server.stop()
            progress(
                "http sessions, \(clients) clients, round \(round + 1): INSERT \(Report.number(insert.last!.eventsPerSecond))/s, "
                    + "group commit \(Report.number(grouped.last!.eventsPerSecond))/s, one per transaction \(Report.number(single.last!.eventsPerSecond))/s")
        }
        let suffix = clients == 1 ? "" : "s"
        figures.append(loopFigure("http.insert.c\(clients)", "limit: autocommit INSERT per event, \(clients) client\(suffix) (HTTP rounds)", insert))
        figures.append(
            loopFigure(
                "http.session.c\(clients)", "POST session over HTTP, group commit, \(clients) client\(suffix)", grouped, unit: "commands/s",
                limit: "http.insert.c\(clients)", pairedWith: insert, target: clients == 16 ? .ratioAtLeast(1.0) : nil))
        figures.append(
            loopFigure(
                "http.session.single.c\(clients)", "POST session over HTTP, one transaction each, \(clients) client\(suffix)", single,
                unit: "commands/s", limit: "http.insert.c\(clients)", pairedWith: insert))
    }

    try server.start(groupCommit: true)
    let claimID = try HTTPBenchServer.run(
        server.rcm, ["claims", "create", "--tenant", "acme", "--patient", server.patientKey, "--payer", "aetna", "--sessions", firstSession(server)],
        environment: ["RCM_DATABASE_URL": server.settings.conninfo])
    func measure(_ path: String) -> [UInt64] {
        for _ in 0..<5 { _ = server.request("GET", path, session: session) }
        return (0..<200).map { _ in
            let start = nanoseconds()
            _ = server.request("GET", path, session: session)
            return nanoseconds() - start
        }
    }
    let claim = measure("/practices/acme/claims/\(claimID)")
    let aging = measure("/practices/acme/reports/aging")
    figures.append(
        Figure(
            id: "http.claim_read", name: "GET one claim over HTTP", value: percentileMilliseconds(claim, 0.5), unit: "ms p50",
            target: .below(20), p50Milliseconds: percentileMilliseconds(claim, 0.5), p99Milliseconds: percentileMilliseconds(claim, 0.99)))
    figures.append(
        Figure(
            id: "http.aging_read", name: "GET aging report over HTTP (the HTTP practice's claims)", value: percentileMilliseconds(aging, 0.5),
            unit: "ms p50", target: .below(50), p50Milliseconds: percentileMilliseconds(aging, 0.5), p99Milliseconds: percentileMilliseconds(aging, 0.99)))
    return figures
}

/// The id of a session logged over HTTP (the first one's answer).
private func firstSession(_ server: HTTPBenchServer) throws -> String {
    let session = URLSession(configuration: .ephemeral)
    let body = try JSONSerialization.data(withJSONObject: [
        "patientKey": server.patientKey, "dateOfService": "2026-02-02", "rendering": "dr-lee", "minutes": 53, "diagnoses": ["F41.1"],
        "lines": [["code": "90837", "units": 1, "charge": "132.00"]],
    ])
    let (status, data) = server.request("POST", "/practices/acme/sessions", body: body, headers: ["Idempotency-Key": "bench-claim"], session: session)
    guard status == 201, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["sessionID"] as? String else {
        throw BenchError.failed("POST session answered \(status)")
    }
    return id
}

/// A counter shared by client threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
