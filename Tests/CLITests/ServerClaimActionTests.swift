import Foundation
import Testing
import TestSupport

/// A claim's life through HTTP only (but claim creation and the payer simulator): scrub, submit (an 837P batch
/// downloaded from /submissions), the payer's 999/277CA and 835 uploaded, the denials worked (appeal, assign,
/// write-off), a correction; each action with Idempotency-Key and If-Match.
@Suite("rcm serve: claim actions, submissions, acknowledgments and denials over HTTP")
struct ServerClaimActionTests {
    /// A session logged over HTTP and a claim created from it with the CLI; the claim id.
    static func claim(_ scene: ServerScene, _ client: HTTPClient, days: Int, key: String) async throws -> String {
        let logged = try await client.post("/practices/acme/sessions", json: scene.sessionBody(days: days), headers: ["Idempotency-Key": key])
        guard logged.status == 201, let session = logged.json["sessionID"] as? String else { throw Shell.StartFailureLike("session: \(logged.text)") }
        return try scene.cli.ok(["claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", session])
    }

    @Test("submit answers the claim and its batch; retries replay it (also two at once); a key reused for another request is 422; a stale If-Match is 412 and writes nothing")
    func submitAndIdempotency() async throws {
        let scene = try await ServerScene.make("http_submit")
        let ana = try await scene.signedIn(scene.ana)
        let first = try await Self.claim(scene, ana, days: 10, key: "s-1")
        let second = try await Self.claim(scene, ana, days: 9, key: "s-2")
        for claim in [first, second] {
            #expect(try await ana.post("/practices/acme/claims/\(claim)/scrub", headers: ["If-Match": "\"1\""]).status == 200)
        }
        #expect(try await ana.post("/practices/acme/claims/\(first)/submit", headers: ["If-Match": "\"2\""]).json["field"] as? String == "Idempotency-Key")

        let submitted = try await ana.post("/practices/acme/claims/\(first)/submit", headers: ["If-Match": "\"2\"", "Idempotency-Key": "submit-1"])
        #expect(submitted.status == 200 && submitted.json["status"] as? String == "submitted", "\(submitted.text)")
        #expect(submitted.header("ETag") == "\"3\"")
        let batch = submitted.json["submission"] as? [String: Any] ?? [:]
        let batchID = try #require(batch["submissionID"] as? String)
        #expect(batchID.count == 64 && (batch["claimNumbers"] as? [String])?.count == 1)

        let again = try await ana.post("/practices/acme/claims/\(first)/submit", headers: ["If-Match": "\"2\"", "Idempotency-Key": "submit-1"])
        #expect(again.status == 200 && again.body == submitted.body && again.header("Idempotent-Replayed") == "true")
        #expect(try await scene.count("claim.submitted") == 1)
        let reused = try await ana.post("/practices/acme/claims/\(second)/submit", headers: ["If-Match": "\"2\"", "Idempotency-Key": "submit-1"])
        #expect(reused.status == 422 && reused.json["rule"] as? String == "idempotency-key-reused", "\(reused.text)")
        #expect(reused.header("Content-Type") == "application/problem+json")

        let before = try await scene.cli.eventCount()
        let stale = try await ana.post("/practices/acme/claims/\(second)/submit", headers: ["If-Match": "\"1\"", "Idempotency-Key": "submit-stale"])
        #expect(stale.status == 412 && stale.json["field"] as? String == "If-Match", "\(stale.text)")
        #expect(try await scene.cli.eventCount() == before)

        async let one = ana.post("/practices/acme/claims/\(second)/submit", headers: ["If-Match": "\"2\"", "Idempotency-Key": "submit-2"])
        async let two = ana.post("/practices/acme/claims/\(second)/submit", headers: ["If-Match": "\"2\"", "Idempotency-Key": "submit-2"])
        let (a, b) = try await (one, two)
        #expect(a.status == 200 && b.status == 200 && a.body == b.body, "\(a.text) \(b.text)")
        #expect([a, b].filter { $0.header("Idempotent-Replayed") == "true" }.count == 1)
        #expect(try await scene.count("claim.submitted") == 2)
        #expect(try await scene.count("x12.interchange_sent") == 2)

        // The batches, a page at a time, in control-number order; one batch; its file, the read recorded.
        let page1 = try await ana.get("/practices/acme/submissions?limit=1")
        let cursor = try #require(page1.json["nextCursor"] as? String)
        let page2 = try await ana.get("/practices/acme/submissions?limit=1&cursor=\(cursor)")
        let ids = [page1, page2].flatMap { ($0.json["submissions"] as? [[String: Any]] ?? []).compactMap { $0["submissionID"] as? String } }
        #expect(ids.count == 2 && ids[0] == batchID && Set(ids).count == 2, "\(ids)")
        #expect(page2.json["nextCursor"] is NSNull)
        #expect(try await ana.get("/practices/acme/submissions/\(batchID)").json["fileName"] as? String != nil)
        let reads = try await scene.count("access.phi_viewed")
        let file = try await ana.get("/practices/acme/submissions/\(batchID)/file")
        #expect(file.status == 200 && file.text.hasPrefix("ISA") && file.text.contains("CLM*"))
        #expect(file.header("Content-Type") == "application/edi-x12")
        #expect(try await scene.count("access.phi_viewed") == reads + 1)
        #expect(try await ana.get("/practices/acme/submissions/\(String(repeating: "0", count: 64))/file").status == 404)
        await scene.stop()
    }

    @Test("the payer's answers uploaded over HTTP open denials; the worklist filters them; appeal, assign and write-off work them; correct replaces a draft's lines")
    func denialsWorkedOverHTTP() async throws {
        let scene = try await ServerScene.make("http_denials")
        let ana = try await scene.signedIn(scene.ana)
        var claims: [String] = []
        for days in [12] {
            let claim = try await Self.claim(scene, ana, days: days, key: "d-\(days)")
            #expect(try await ana.post("/practices/acme/claims/\(claim)/scrub", headers: ["If-Match": "\"1\""]).status == 200)
            let sent = try await ana.post("/practices/acme/claims/\(claim)/submit", headers: ["Idempotency-Key": "submit-\(claim)"])
            #expect(sent.status == 200, "\(sent.text)")
            claims.append(claim)
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-http-denials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let batches = try await ana.get("/practices/acme/submissions").json["submissions"] as? [[String: Any]] ?? []
        var answers: [String] = []
        for (index, batch) in batches.enumerated() {
            let file = try await ana.get("/practices/acme/submissions/\(batch["submissionID"] as! String)/file")
            let path = out.appendingPathComponent("batch-\(index).837").path
            try file.body.write(to: URL(fileURLWithPath: path))
            answers += try scene.cli.ok([
                "simulate", "payer", path, "--out", out.appendingPathComponent("payer-\(index)").path, "--seed", "\(3 + index)", "--deny-percent", "100",
                "--reject-percent", "0",
            ]).split(separator: "\n").map(String.init)
        }
        for answer in answers where RemittanceLoopTests.isKind(answer, "999") || RemittanceLoopTests.isKind(answer, "277") {
            let uploaded = try await ana.post("/practices/acme/acknowledgments", raw: try Data(contentsOf: URL(fileURLWithPath: answer)))
            #expect(uploaded.status == 201, "\(uploaded.text)")
        }
        for answer in answers where RemittanceLoopTests.isKind(answer, "835") {
            let uploaded = try await ana.post("/practices/acme/remittances", raw: try Data(contentsOf: URL(fileURLWithPath: answer)))
            #expect(uploaded.status == 201, "\(uploaded.text)")
        }
        #expect(try await scene.count("claim.acknowledged") == 1)
        let claim = claims[0]

        let denials = try await ana.get("/practices/acme/denials?status=open").json["denials"] as? [[String: Any]] ?? []
        #expect(denials.map { $0["claim"] as? String } == [claim], "\(denials)")
        let denial = try #require(denials.first?["denial"] as? String)
        let assigned = try await ana.post(
            "/practices/acme/claims/\(claim)/assign", json: ["denialID": denial, "owner": scene.ana, "due": "2030-01-31"],
            headers: ["Idempotency-Key": "assign-1"])
        #expect(assigned.status == 200, "\(assigned.text)")
        let mine = try await ana.get("/practices/acme/denials?owner=\(scene.ana)").json["denials"] as? [[String: Any]] ?? []
        #expect(mine.map { $0["claim"] as? String } == [claim] && mine.first?["due"] as? String == "2030-01-31", "\(mine)")
        #expect((try await ana.get("/practices/acme/denials?owner=\(scene.bob)").json["denials"] as? [Any])?.isEmpty == true)
        let nobody = try await ana.post(
            "/practices/acme/claims/\(claim)/assign", json: ["denialID": denial, "owner": scene.bob], headers: ["Idempotency-Key": "assign-2"])
        #expect(nobody.status == 422, "bob does not work for acme: \(nobody.text)")

        let version = try await ana.get("/practices/acme/claims/\(claim)").header("ETag") ?? ""
        let appealed = try await ana.post(
            "/practices/acme/claims/\(claim)/appeal", json: ["denialID": denial, "reference": "APL-7"],
            headers: ["Idempotency-Key": "appeal-1", "If-Match": version])
        #expect(appealed.status == 200 && appealed.header("ETag") != version, "\(appealed.text)")
        let inAppeal = try await ana.get("/practices/acme/denials?status=appealed").json["denials"] as? [[String: Any]] ?? []
        #expect(inAppeal.map { $0["claim"] as? String } == [claim])

        let writtenOff = try await ana.post(
            "/practices/acme/claims/\(claim)/write-off", json: ["amount": "132.00", "reason": "denial", "side": "insurance", "denialID": denial],
            headers: ["Idempotency-Key": "wo-1"])
        #expect(writtenOff.status == 200, "\(writtenOff.text)")
        #expect(try await scene.count("claim.written_off") == 1)
        let history = try await ana.get("/practices/acme/claims/\(claim)/history").json["history"] as? [[String: Any]] ?? []
        #expect(history.count >= 6 && history.allSatisfy { $0.keys.contains { $0.contains("balance") } }, "\(history.first ?? [:])")

        // A draft corrected from its session's amended record: a new version with the new charge; with nothing amended, a 422.
        let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: 8), headers: ["Idempotency-Key": "c-1"])
        let session = try #require(logged.json["sessionID"] as? String)
        let draft = try scene.cli.ok(["claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", session])
        let unchanged = try await ana.post(
            "/practices/acme/claims/\(draft)/correct", json: ["reason": "nothing new"], headers: ["Idempotency-Key": "correct-0", "If-Match": "\"1\""])
        #expect(unchanged.status == 422, "\(unchanged.text)")
        _ = try scene.cli.ok([
            "session", "correct", "--tenant", "acme", "--id", session, "--patient", scene.patientKey, "--date", CLI.daysAgo(8), "--provider", "dr-lee",
            "--minutes", "55", "--dx", "F41.1", "--service", "90837=150.00", "--reason", "note amended",
        ])
        let corrected = try await ana.post(
            "/practices/acme/claims/\(draft)/correct", json: ["reason": "amended note"], headers: ["Idempotency-Key": "correct-1", "If-Match": "\"1\""])
        #expect(corrected.status == 200 && corrected.json["charges"] as? String == "150.00", "\(corrected.text)")
        #expect(corrected.header("ETag") == "\"2\"")
        await scene.stop()
    }

    @Test("the claim actions' bad input is a 400 naming the field and the rule, and writes nothing")
    func badActionInput() async throws {
        let scene = try await ServerScene.make("http_action_bad")
        let ana = try await scene.signedIn(scene.ana)
        let claim = try await Self.claim(scene, ana, days: 6, key: "b-1")
        let before = try await scene.cli.eventCount()
        let cases: [(String, String, [String: Any], String, String)] = [
            ("three decimals", "write-off", ["amount": "10.001", "reason": "courtesy"], "amount", "money"),
            ("money as a number", "write-off", ["amount": 10, "reason": "courtesy"], "amount", "type"),
            ("unknown reason", "write-off", ["amount": "10.00", "reason": "whim"], "reason", "enum"),
            ("unknown field", "appeal", ["denialID": "d", "reference": "r", "note": "x"], "note", "unknown-field"),
            ("impossible date", "assign", ["denialID": "d", "owner": scene.ana, "due": "2026-02-30"], "due", "date"),
            ("wrong type", "assign", ["denialID": 7, "owner": scene.ana], "denialID", "type"),
            ("10,000 characters", "correct", ["reason": String(repeating: "x", count: 10_000)], "reason", "max-length"),
        ]
        for (index, (name, action, body, field, rule)) in cases.enumerated() {
            let reply = try await ana.post("/practices/acme/claims/\(claim)/\(action)", json: body, headers: ["Idempotency-Key": "bad-\(index)"])
            #expect(reply.status == 400 && reply.header("Content-Type") == "application/problem+json", "\(name): \(reply.text)")
            #expect(reply.json["field"] as? String == field && reply.json["rule"] as? String == rule, "\(name): \(reply.text)")
        }
        #expect(try await scene.cli.eventCount() == before)
        await scene.stop()
    }
}
