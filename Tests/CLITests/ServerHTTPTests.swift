import Foundation
import Testing
import TestSupport

/// `rcm serve` on loopback against the real database, through HTTP only (docs/api.md).
@Suite("rcm serve over HTTP")
struct ServerHTTPTests {
    @Test("every route answers its happy path, signed in by cookie-less bearer token; sign-out ends the session; SIGTERM stops it cleanly")
    func happyPaths() async throws {
        let scene = try await ServerScene.make("http_happy")
        let http = scene.http
        #expect(try await http.get("/health").status == 200)
        #expect(try await http.get("/ready").json["status"] as? String == "ready")
        let spec = try await http.get("/openapi.yaml")
        #expect(spec.status == 200 && spec.text.hasPrefix("openapi: 3.1.0"))

        let signIn = try await http.post("/sign-in", json: ["login": scene.ana, "password": ServerScene.password])
        #expect(signIn.status == 200)
        let cookie = signIn.header("Set-Cookie") ?? ""
        #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
        let ana = http.bearer(signIn.json["token"] as! String)
        // The cookie works as well as the bearer token.
        let cookieValue = cookie.split(separator: ";")[0]
        #expect(try await http.get("/practices", headers: ["Cookie": String(cookieValue)]).status == 200)

        let practices = try await ana.get("/practices").json["practices"] as? [[String: Any]] ?? []
        #expect(practices.map { $0["slug"] as? String } == ["acme"])

        let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "visit-1"])
        #expect(logged.status == 201, "\(logged.text)")
        let sessionID = logged.json["sessionID"] as! String
        let claimID = try scene.cli.ok(["claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", sessionID])

        let list = try await ana.get("/practices/acme/claims?status=draft")
        let claims = list.json["claims"] as? [[String: Any]] ?? []
        #expect(claims.map { $0["claimID"] as? String } == [claimID])
        #expect(claims.first?["charges"] as? String == "132.00")
        let claim = try await ana.get("/practices/acme/claims/\(claimID)")
        #expect(claim.status == 200 && claim.header("ETag") == "\"1\"")
        #expect((claim.json["history"] as? [Any])?.count == 1)
        let scrubbed = try await ana.post("/practices/acme/claims/\(claimID)/scrub", headers: ["If-Match": "\"1\""])
        #expect(scrubbed.status == 200 && scrubbed.header("ETag") == "\"2\"", "\(scrubbed.text)")
        let voided = try await ana.post("/practices/acme/claims/\(claimID)/void", json: ["reason": "duplicate"], headers: ["If-Match": "\"2\""])
        #expect(voided.status == 200 && voided.json["status"] as? String == "voided", "\(voided.text)")

        let aging = try await ana.get("/practices/acme/reports/aging?as_of=\(CLI.daysAgo(0))")
        #expect(aging.status == 200 && aging.json["report"] as? String == "aging")
        let csv = try await ana.get("/practices/acme/reports/aging", headers: ["Accept": "text/csv"])
        #expect(csv.status == 200 && csv.text.hasPrefix("tenant,side,payer"))
        let remittances = try await ana.get("/practices/acme/remittances")
        #expect(remittances.status == 200 && (remittances.json["remittances"] as? [Any])?.isEmpty == true)
        #expect(try await ana.get("/practices/acme/remittances/NO-SUCH-TRACE").status == 404)
        let upload = try await ana.post("/practices/acme/remittances", raw: Data("not an 835".utf8))
        #expect(upload.status == 400 && upload.json["field"] as? String == "body")

        let metrics = try await http.get("/metrics")
        #expect(metrics.text.contains("http_server_request_duration_bucket") && metrics.text.contains("/practices/{practice}/claims"))
        let appends = metrics.text.split(separator: "\n").filter { $0.hasPrefix("rcm_appends_total{") && $0.contains(#"kind="session""#) }
        #expect(appends.count == 1 && appends[0].contains(#"replayed="false""#) && appends[0].hasSuffix(" 1"), "\(appends)")

        #expect(try await ana.post("/sign-out").status == 204)
        #expect(try await ana.get("/practices").status == 401)
        #expect(try await scene.count("identity.signed_in") == 1)

        #expect(scene.server.stop() == 0, "\(scene.server.log)")
        #expect(!scene.server.log.contains(scene.patientKey) && !scene.server.log.contains(ServerScene.password))
        await scene.cli.database.drop()
    }

    @Test("a retried POST with the same Idempotency-Key returns the original answer and logs once, also when two race")
    func idempotency() async throws {
        let scene = try await ServerScene.make("http_idem")
        let ana = try await scene.signedIn(scene.ana)
        let first = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "retry-1"])
        let again = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "retry-1"])
        #expect(first.status == 201 && again.status == 201)
        #expect(first.body == again.body)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(try await scene.count("session.logged") == 1)

        async let one = ana.post("/practices/acme/sessions", json: scene.sessionBody(days: 6), headers: ["Idempotency-Key": "race-1"])
        async let two = ana.post("/practices/acme/sessions", json: scene.sessionBody(days: 6), headers: ["Idempotency-Key": "race-1"])
        let (a, b) = try await (one, two)
        #expect(a.status == 201 && b.status == 201, "\(a.text) \(b.text)")
        #expect(a.json["sessionID"] as? String == b.json["sessionID"] as? String)
        #expect(try await scene.count("session.logged") == 2)

        let missing = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: 7))
        #expect(missing.status == 400 && missing.json["field"] as? String == "Idempotency-Key")
        await scene.stop()
    }

    @Test("a stale If-Match answers 412 and writes nothing")
    func staleVersion() async throws {
        let scene = try await ServerScene.make("http_412")
        let ana = try await scene.signedIn(scene.ana)
        let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "v-1"])
        let claimID = try scene.cli.ok([
            "claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", logged.json["sessionID"] as! String,
        ])
        #expect(try await ana.post("/practices/acme/claims/\(claimID)/scrub", headers: ["If-Match": "\"1\""]).status == 200)
        let before = try await scene.cli.eventCount()
        let stale = try await ana.post("/practices/acme/claims/\(claimID)/void", json: ["reason": "dup"], headers: ["If-Match": "\"1\""])
        #expect(stale.status == 412 && stale.header("Content-Type") == "application/problem+json")
        #expect(stale.json["field"] as? String == "If-Match")
        #expect(try await scene.cli.eventCount() == before)
        #expect(try await ana.post("/practices/acme/claims/\(claimID)/void", json: ["reason": "dup"], headers: ["If-Match": "nonsense"]).status == 400)
        await scene.stop()
    }

    @Test("bad input is a 400 problem naming the field and the rule, and writes nothing")
    func badInput() async throws {
        let scene = try await ServerScene.make("http_bad")
        let ana = try await scene.signedIn(scene.ana)
        let before = try await scene.cli.eventCount()
        func body(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
            var body = scene.sessionBody()
            change(&body)
            return body
        }
        let cases: [(String, [String: Any], String, String)] = [
            ("wrong type", body { $0["minutes"] = "fifty" }, "minutes", "type"),
            ("boolean for a number", body { $0["minutes"] = true }, "minutes", "type"),
            ("unknown field", body { $0["ssn"] = "123" }, "ssn", "unknown-field"),
            ("impossible date", body { $0["dateOfService"] = "2026-02-30" }, "dateOfService", "date"),
            ("money with three decimals", body { $0["lines"] = [["code": "90837", "units": 1, "charge": "150.001"]] }, "lines[0].charge", "money"),
            ("money as a number", body { $0["lines"] = [["code": "90837", "units": 1, "charge": 150]] }, "lines[0].charge", "type"),
            ("10,000-character string", body { $0["rendering"] = String(repeating: "x", count: 10_000) }, "rendering", "max-length"),
            ("missing field", body { $0["patientKey"] = nil }, "patientKey", "required"),
        ]
        for (index, (name, json, field, rule)) in cases.enumerated() {
            let reply = try await ana.post("/practices/acme/sessions", json: json, headers: ["Idempotency-Key": "bad-\(index)"])
            #expect(reply.status == 400, "\(name): \(reply.text)")
            #expect(reply.header("Content-Type") == "application/problem+json", "\(name)")
            #expect(reply.json["field"] as? String == field && reply.json["rule"] as? String == rule, "\(name): \(reply.text)")
            #expect(!reply.text.contains(scene.patientKey), "\(name)")
        }
        let notJSON = try await ana.post("/practices/acme/sessions", raw: Data("{".utf8), headers: ["Idempotency-Key": "bad-json"])
        #expect(notJSON.status == 400 && notJSON.json["rule"] as? String == "json")
        #expect(try await ana.get("/practices/acme/claims?limit=0").json["field"] as? String == "limit")
        #expect(try await ana.get("/practices/acme/reports/aging?as_of=2026-13-01").json["field"] as? String == "as_of")
        #expect(try await scene.cli.eventCount() == before)
        await scene.stop()
    }

    @Test("no credential or a wrong one is 401; an API key may take only its actions (403) and stops working when revoked")
    func authentication() async throws {
        let scene = try await ServerScene.make("http_auth")
        let http = scene.http
        for path in ["/practices", "/practices/acme/claims", "/practices/acme/reports/aging"] {
            let reply = try await http.get(path)
            #expect(reply.status == 401 && reply.header("WWW-Authenticate") != nil, "\(path)")
        }
        #expect(try await http.bearer("not-a-token").get("/practices").status == 401)
        let wrong = try await http.post("/sign-in", json: ["login": scene.ana, "password": "wrong password here"])
        #expect(wrong.status == 401)
        let unknown = try await http.post("/sign-in", json: ["login": "nobody_here", "password": "wrong password here"])
        #expect(unknown.status == 401 && unknown.json["detail"] as? String == wrong.json["detail"] as? String)
        #expect(try await scene.count("identity.sign_in_failed") == 2)
        // Failures in a row lock the login: the fifth is refused, then even the right password waits.
        // (Wrong passwords until the server answers 429: on a loaded machine the first lock, 2 s, can pass before the next
        // request; each failure while locked doubles it.)
        var refusals = 0
        var sentAt = ContinuousClock.now
        var last = try await http.post("/sign-in", json: ["login": scene.bob, "password": "not bob's password"])
        refusals += 1
        while last.status != 429 && refusals < 10 {
            sentAt = ContinuousClock.now
            last = try await http.post("/sign-in", json: ["login": scene.bob, "password": "not bob's password"])
            refusals += 1
        }
        #expect(last.status == 429 && refusals >= 5, "locked after \(refusals) failures")
        let waitSeconds = Int(last.header("Retry-After") ?? "") ?? 0
        #expect(waitSeconds > 0, "a 429 says how long to wait")
        // The lock the 429 reported lasts past (the moment that request was sent) + (Retry-After − 1 s): Retry-After
        // rounds the rest up, and the server read its clock after the request left. Only within that is a refusal owed.
        let owedUntil = sentAt + .seconds(waitSeconds - 1)
        let locked = try await http.post("/sign-in", json: ["login": scene.bob, "password": ServerScene.password])
        // The right password is refused while the lock lasts (the server read its clock before this answer came back);
        // a machine slow enough to outlast the lock proves nothing.
        if ContinuousClock.now < owedUntil {
            #expect(locked.status == 429 && locked.header("Retry-After") != nil, "\(locked.text)")
        }

        let created = try scene.cli.ok(["apikey", "create", "--label", "EHR reader", "--tenant", "acme", "--actions", "read"])
        let key = String(created.split(separator: "\n").last!)
        let reader = http.bearer(key)
        #expect(try await reader.get("/practices/acme/claims").status == 200)
        let refused = try await reader.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "k-1"])
        #expect(refused.status == 403 && refused.json["rule"] as? String == "action-not-granted")
        #expect(try await reader.get("/practices/other/claims").status == 404)
        let keyID = String(key.split(separator: "_")[1])
        #expect(try scene.cli.ok(["apikey", "list"]).contains(keyID))
        _ = try scene.cli.ok(["apikey", "revoke", keyID])
        #expect(try await reader.get("/practices/acme/claims").status == 401)
        #expect(try await scene.count("identity.api_key_created") == 1)
        #expect(try await scene.count("identity.api_key_revoked") == 1)
        await scene.stop()
    }

    @Test("a person of practice B never sees practice A through any route: 404, as for a practice that does not exist")
    func isolation() async throws {
        let scene = try await ServerScene.make("http_iso")
        let ana = try await scene.signedIn(scene.ana)
        let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "iso-1"])
        let claimID = try scene.cli.ok([
            "claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", logged.json["sessionID"] as! String,
        ])
        let bob = try await scene.signedIn(scene.bob)
        let practices = try await bob.get("/practices").json["practices"] as? [[String: Any]] ?? []
        #expect(practices.map { $0["slug"] as? String } == ["other"])
        let acmeID = try await scene.cli.database.connect().query(
            .init("acme_id", "SELECT tenant_id::text AS id FROM rcm.tenants WHERE slug = 'acme'")).first!.decode("id", as: String.self)
        let before = try await scene.cli.eventCount()
        for practice in ["acme", acmeID] {
            let probes: [(String, String, [String: Any]?)] = [
                ("GET", "/practices/\(practice)/claims", nil),
                ("GET", "/practices/\(practice)/claims/\(claimID)", nil),
                ("POST", "/practices/\(practice)/claims/\(claimID)/scrub", nil),
                ("POST", "/practices/\(practice)/claims/\(claimID)/void", ["reason": "x"]),
                ("POST", "/practices/\(practice)/sessions", scene.sessionBody()),
                ("GET", "/practices/\(practice)/reports/aging", nil),
                ("GET", "/practices/\(practice)/remittances", nil),
                ("GET", "/practices/\(practice)/remittances/TRACE1", nil),
            ]
            for (method, path, json) in probes {
                let seen = try await bob.send(method, path, body: json.map { try JSONSerialization.data(withJSONObject: $0) }, headers: ["Idempotency-Key": "iso-b"])
                let missing = try await bob.send(
                    method, path.replacingOccurrences(of: practice, with: "nope"), body: json.map { try JSONSerialization.data(withJSONObject: $0) },
                    headers: ["Idempotency-Key": "iso-b"])
                #expect(seen.status == 404, "\(method) \(path): \(seen.text)")
                #expect(seen.text.replacingOccurrences(of: practice, with: "nope") == missing.text, "\(method) \(path)")
            }
        }
        // In bob's own practice, acme's claim is simply not there.
        #expect(try await bob.get("/practices/other/claims/\(claimID)").status == 404)
        #expect(try await scene.cli.eventCount() == before)
        await scene.stop()
    }
}
