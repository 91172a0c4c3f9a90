import Foundation
import Testing
import TestSupport

/// `rcm serve` killed with SIGKILL during a burst of commands (issue 17): each command committed entirely
/// or not at all, and a retry with the same Idempotency-Key gives the original answer.
@Suite("rcm serve: SIGKILL during a burst")
struct ServerCrashTests {
    @Test("16 concurrent session POSTs, SIGKILL mid-burst, restart, retry all: every session logged once, answers unchanged")
    func killedMidBurst() async throws {
        let scene = try await ServerScene.make("http_sigkill")
        let signIn = try await scene.http.post("/sign-in", json: ["login": scene.ana, "password": ServerScene.password])
        let token = signIn.json["token"] as? String ?? ""
        let ana = scene.http.bearer(token)
        let keys = (0..<16).map { "burst-\($0)" }
        let bodies = try keys.indices.map { try JSONSerialization.data(withJSONObject: scene.sessionBody(days: 1 + $0 % 20, charge: "\(100 + $0).00")) }
        let doomed = scene.server

        let first = await withTaskGroup(of: (Int, HTTPClient.Reply?).self) { group in
            for index in keys.indices {
                group.addTask { (index, try? await ana.post("/practices/acme/sessions", raw: bodies[index], headers: ["Idempotency-Key": keys[index]])) }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(40))
                doomed.killNow()
                return (-1, nil)
            }
            var replies: [Int: HTTPClient.Reply] = [:]
            for await (index, reply) in group where index >= 0 { replies[index] = reply }
            return replies
        }
        let server = try scene.restarted()
        let again = HTTPClient(baseURL: server.baseURL).bearer(token)
        for index in keys.indices {
            let retry = try await again.post("/practices/acme/sessions", raw: bodies[index], headers: ["Idempotency-Key": keys[index]])
            #expect(retry.status == 201, "\(retry.text)")
            if let original = first[index], original.status == 201 {
                #expect(retry.body == original.body, "the retry of \(keys[index]) answers as the original did")
                #expect(retry.header("Idempotent-Replayed") == "true")
            }
        }
        // Entirely or not at all: one session.logged per key, none twice, none half-written.
        #expect(try await scene.count("session.logged") == 16)
        let chain = try scene.cli.run(["audit", "verify"])
        #expect(chain.status == 0, "\(chain.standardOutput)\(chain.standardError)")
        server.stop()
        await scene.cli.database.drop()
    }
}
