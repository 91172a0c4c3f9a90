import Foundation
import Postgres
import Testing
import TestSupport

/// The second factor of `rcm serve`'s sign-in (decision 0011) over HTTP against the real database, with
/// TOTP codes computed by Python, not by the product.
@Suite("Second factor: TOTP, recovery codes, the policy, reset and revocation")
struct SecondFactorTests {
    /// A person of the scene enrolled: their secret and recovery codes, and a complete session.
    struct Enrolled {
        let secret: String
        let recoveryCodes: [String]
        let client: HTTPClient
        /// The code that confirmed the enrolment (its step is used).
        let firstCode: String
        /// The TOTP steps (Unix time / 30) before and after the first code was computed: the code is of one of them.
        let firstCodeSteps: ClosedRange<Int>
    }

    /// The TOTP step now.
    static var stepNow: Int { Int(Date().timeIntervalSince1970) / 30 }

    /// Signs `login` in with the password; the answer's stage and a client holding its token.
    static func passwordStep(_ scene: ServerScene, _ login: String) async throws -> (stage: String, client: HTTPClient) {
        let reply = try await scene.http.post("/sign-in", json: ["login": login, "password": ServerScene.password])
        guard reply.status == 200, let token = reply.json["token"] as? String, let stage = reply.json["stage"] as? String else {
            throw Shell.StartFailureLike("sign-in of \(login) answered \(reply.status): \(reply.text)")
        }
        return (stage, scene.http.bearer(token))
    }

    /// Enrols `login` (whom the policy sends to enrol) and completes the session with the first code.
    static func enrol(_ scene: ServerScene, _ login: String) async throws -> Enrolled {
        let (stage, pending) = try await passwordStep(scene, login)
        #expect(stage == "enrol")
        let enrolment = try await pending.post("/second-factor/totp")
        try #require(enrolment.status == 200, "enrolment of \(login) answered \(enrolment.status): \(enrolment.text)")
        let secret = enrolment.json["secret"] as? String ?? ""
        let codes = enrolment.json["recoveryCodes"] as? [String] ?? []
        var asked = Date()
        var before = stepNow
        var code = try PythonTOTP.code(secret: secret)
        var steps = before...stepNow
        var confirmed = try await pending.post("/second-factor/totp/confirm", json: ["code": code])
        if confirmed.status == 401, Date().timeIntervalSince(asked) > 30 {
            // The machine stalled for most of a 30-second step between the code and the server's check (seen once
            // in CI under a load of 30): the code's window passed, so a person would type the next code. A refusal
            // within the window is not retried.
            asked = Date()
            before = stepNow
            code = try PythonTOTP.code(secret: secret)
            steps = before...stepNow
            confirmed = try await pending.post("/second-factor/totp/confirm", json: ["code": code])
        }
        #expect(
            confirmed.status == 200 && confirmed.json["stage"] as? String == "complete",
            "\(confirmed.text) (\(Int(Date().timeIntervalSince(asked))) s after the code was computed)")
        return Enrolled(secret: secret, recoveryCodes: codes, client: pending, firstCode: code, firstCodeSteps: steps)
    }

    /// Waits for a fresh 30-second step when fewer than `seconds` are left in this one.
    static func freshStep(unlessAtLeast seconds: Double) async throws {
        let left = PythonTOTP.secondsLeftInStep
        if left < seconds { try await Task.sleep(for: .milliseconds(Int((left + 0.5) * 1000))) }
    }

    @Test("the default policy refuses a staff person without a factor everywhere but enrolment; enrolment shows a secret, an otpauth URI and ten recovery codes once; the first code completes the sign-in")
    func enrolment() async throws {
        let scene = try await ServerScene.make("mfa_enrol", secondFactor: "phi_readers")
        #expect(try scene.cli.ok(["staff", "mfa", "policy"]) == "second factor required for: phi_readers")
        let (stage, pending) = try await Self.passwordStep(scene, scene.ana)
        #expect(stage == "enrol")
        #expect(try await pending.get("/practices").status == 401)
        #expect(try await pending.post("/sign-in/second-factor", json: ["totp": "123456"]).status == 401)
        let before = try await scene.cli.eventCount()

        let enrolment = try await pending.post("/second-factor/totp")
        #expect(enrolment.status == 200 && enrolment.header("Cache-Control") == "no-store")
        let secret = enrolment.json["secret"] as? String ?? ""
        let uri = enrolment.json["uri"] as? String ?? ""
        let codes = enrolment.json["recoveryCodes"] as? [String] ?? []
        #expect(secret.count == 32 && secret.allSatisfy { $0.isUppercase || ("2"..."7").contains($0) })
        #expect(uri == "otpauth://totp/RevenueCycle:\(scene.ana)?secret=\(secret)&issuer=RevenueCycle&algorithm=SHA1&digits=6&period=30")
        #expect(codes.count == 10 && Set(codes).count == 10)
        #expect((enrolment.json["qrSVG"] as? String ?? "").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(try await scene.cli.eventCount() == before, "starting an enrolment records nothing")

        let wrong = try await pending.post("/second-factor/totp/confirm", json: ["code": try PythonTOTP.code(secret: secret, stepsFromNow: -4)])
        #expect(wrong.status == 401)
        #expect(try await scene.count("identity.second_factor_failed") == 1)
        #expect(try await pending.get("/practices").status == 401)

        let confirmed = try await pending.post("/second-factor/totp/confirm", json: ["code": try PythonTOTP.code(secret: secret)])
        #expect(confirmed.status == 200 && confirmed.json["stage"] as? String == "complete", "\(confirmed.text)")
        #expect(try await pending.get("/practices").status == 200)
        #expect(try await scene.count("identity.factor_enrolled") == 1)

        // The database keeps the secret sealed (SealedTOTPTests) in an owner-only table, and only hashes of the recovery codes.
        let owner = try await scene.cli.database.connect()
        let stored = try await owner.query(
            SQL("recovery_stored", "SELECT count(*) AS n, bool_and(octet_length(code_hash) = 32) AS hashed FROM rcm_auth.recovery_codes WHERE login = $1"),
            [scene.ana])
        #expect(try stored.first!.decode("n", as: Int64.self) == 10 && stored.first!.decode("hashed", as: Bool.self))
        let server = try await scene.cli.database.connect(as: "rcm_server")
        await #expect(throws: (any Error).self) { try await server.query(SQL("server_reads_factors", "SELECT sealed FROM rcm_auth.totp_factors")) }
        await scene.stop()
    }

    @Test("sign-in with TOTP: a wrong, an expired and a reused code are refused, recorded and leave the session waiting; a recovery code works once")
    func signInWithEachFactor() async throws {
        let scene = try await ServerScene.make("mfa_factors", secondFactor: "phi_readers")
        try await Self.freshStep(unlessAtLeast: 20)
        let enrolled = try await Self.enrol(scene, scene.ana)

        // A code used at enrolment cannot sign in again (the same step, or an older one).
        let (stage, pending) = try await Self.passwordStep(scene, scene.ana)
        #expect(stage == "second_factor")
        #expect(try await pending.get("/practices").status == 401)
        let events = try await scene.cli.eventCount()
        // The enrolment's own code again (not recomputed: on a loaded machine the step may have moved on).
        // The server knows it as reused while its step is in the window (now ±1); a machine stalled past that sees a
        // wrong code, as for any code of an old step.
        let sentAt = Self.stepNow
        for code in [enrolled.firstCode, try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: -3), "12345", "abcdef"] {
            let refused = try await pending.post("/sign-in/second-factor", json: ["totp": code])
            #expect(refused.status == 401, "\(code): \(refused.text)")
        }
        let answeredBy = Self.stepNow
        #expect(try await scene.cli.eventCount() == events + 4, "each refusal records one event and nothing else")
        let reasons = try await Self.failureReasons(scene)
        let first: Set<String> =
            answeredBy <= enrolled.firstCodeSteps.lowerBound + 1 ? ["reused_code"]
            : sentAt > enrolled.firstCodeSteps.upperBound + 1 ? ["wrong_code"] : ["reused_code", "wrong_code"]
        #expect(reasons.count >= 4 && first.contains(reasons[reasons.count - 4]), "\(reasons)")
        #expect(reasons.suffix(3) == ["wrong_code", "wrong_code", "wrong_code"], "\(reasons)")
        #expect(try await pending.get("/practices").status == 401)

        // A recovery code signs in once; typed again it is refused as used.
        let recovered = try await pending.post("/sign-in/second-factor", json: ["recoveryCode": enrolled.recoveryCodes[0].uppercased()])
        #expect(recovered.status == 200 && recovered.json["stage"] as? String == "complete", "\(recovered.text)")
        #expect(try await pending.get("/practices").status == 200)
        let (_, again) = try await Self.passwordStep(scene, scene.ana)
        #expect(try await again.post("/sign-in/second-factor", json: ["recoveryCode": enrolled.recoveryCodes[0]]).status == 401)
        #expect(try await Self.failureReasons(scene).last == "used_code")

        // The next step's code signs in (the window is one step either side).
        let fresh = try await again.post("/sign-in/second-factor", json: ["totp": try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: 1)])
        #expect(fresh.status == 200, "\(fresh.text)")
        #expect(try await again.get("/practices").status == 200)
        let methods = try await Self.signInMethods(scene)
        #expect(methods == ["password+totp", "password+recovery_code", "password+totp"], "\(methods)")
        await scene.stop()
    }

    @Test("repeated failed second factors lock the login like failed passwords (429 with Retry-After)")
    func lockout() async throws {
        let scene = try await ServerScene.make("mfa_lock", secondFactor: "phi_readers")
        let enrolled = try await Self.enrol(scene, scene.ana)
        let (_, pending) = try await Self.passwordStep(scene, scene.ana)
        let wrong = try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: -5)
        var statuses: [Int] = []
        for _ in 0..<5 { statuses.append(try await pending.post("/sign-in/second-factor", json: ["totp": wrong]).status) }
        #expect(statuses == [401, 401, 401, 401, 401], "\(statuses)")
        // The fifth failure locked the login for 2 s, the next for 4 s…: wait for the 429 rather than race it (on a
        // loaded machine a request can outlast the first locks; the lock doubles with each failure, so it comes).
        var locked: HTTPClient.Reply?
        for _ in 0..<16 where locked == nil {
            let reply = try await pending.post("/sign-in/second-factor", json: ["totp": wrong])
            if reply.status == 429 { locked = reply } else { #expect(reply.status == 401) }
        }
        #expect(locked?.header("Retry-After").flatMap(Int.init).map { $0 >= 1 } == true, "\(locked?.text ?? "no 429")")
        #expect(try await Self.failureReasons(scene).last == "locked")
        #expect(try await pending.get("/practices").status == 401)
        await scene.stop()
    }

    @Test("an API key stays key-only under the policy; bad input to the second-factor routes is a 400 or 401 and writes nothing")
    func apiKeysAndBadInput() async throws {
        let scene = try await ServerScene.make("mfa_keys", secondFactor: "everyone")
        let key = try scene.cli.ok(["apikey", "create", "--label", "ehr", "--tenant", "acme", "--actions", "read"]).split(separator: "\n").last.map(String.init) ?? ""
        #expect(try await scene.http.bearer(key).get("/practices").status == 200)
        let events = try await scene.cli.eventCount()
        #expect(try await scene.http.bearer(key).post("/second-factor/totp").status == 401)
        #expect(try await scene.http.post("/sign-in/second-factor", json: ["totp": "123456"]).status == 401)
        let (_, pending) = try await Self.passwordStep(scene, scene.ana)
        #expect(try await pending.post("/sign-in/second-factor", json: ["totp": "123456", "recoveryCode": "x"]).status == 400)
        #expect(try await pending.post("/sign-in/second-factor", json: ["password": "x"]).status == 400)
        #expect(try await scene.cli.eventCount() == events)
        await scene.stop()
    }

    @Test("rcm staff mfa reset ends the person's sessions and sends them to enrol again; a revoked person is signed out mid-session; rcm audit access-changes lists every change")
    func resetRevokeAndAudit() async throws {
        let scene = try await ServerScene.make("mfa_revoke", secondFactor: "phi_readers")
        let enrolled = try await Self.enrol(scene, scene.ana)
        #expect(try await enrolled.client.get("/practices").status == 200)
        #expect(try scene.cli.ok(["staff", "mfa", "reset", scene.ana]) == "second factors of \(scene.ana) removed; sessions ended")
        #expect(try await enrolled.client.get("/practices").status == 401)
        let again = try await Self.enrol(scene, scene.ana)
        #expect(try await again.client.get("/practices").status == 200)

        // Revoked in the middle of a session: the next request is 401, and a new sign-in is refused.
        let refusal = try scene.cli.run(["staff", "mfa", "reset", scene.ana], as: scene.ana)
        #expect(refusal.status == 1)
        #expect(try scene.cli.ok(["staff", "revoke", scene.ana]) == "server access of \(scene.ana) revoked; 1 session(s) ended")
        #expect(try await again.client.get("/practices").status == 401)
        #expect(try await scene.http.post("/sign-in", json: ["login": scene.ana, "password": ServerScene.password]).status == 401)

        let table = try scene.cli.ok(["audit", "access-changes", "--since", CLI.daysAgo(1), "--format", "csv"])
        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let anas = rows.filter { $0.count > 3 && $0[3] == scene.ana }.map { $0[2] }
        #expect(
            anas == [
                "company.staff_added", "company.staff_assigned", "identity.password_set", "identity.factor_enrolled", "identity.factors_reset",
                "identity.factor_enrolled", "identity.access_revoked",
            ], "\(table)")
        #expect(rows.contains { $0.count > 4 && $0[2] == "identity.second_factor_policy_set" && $0[4].contains("phi_readers") })
        #expect(try scene.cli.run(["audit", "access-changes", "--since", "yesterday"]).status == 64)
        await scene.stop()
    }

    @Test("the policy is an owner's: shown, set, refused for staff and for a value it does not know")
    func policyCommand() async throws {
        let cli = try await CLI.make("mfa_policy")
        _ = try cli.seedPractice()
        #expect(try cli.ok(["staff", "mfa", "policy"]) == "second factor required for: phi_readers")
        #expect(try cli.ok(["staff", "mfa", "policy", "--require", "everyone"]) == "second factor required for: everyone")
        #expect(try cli.run(["staff", "mfa", "policy", "--require", "sometimes"]).status == 64)
        _ = try cli.ok(["staff", "add", "t_pol_staff", "--group", "staff"])
        let events = try await cli.eventCount()
        #expect(try cli.run(["staff", "mfa", "policy", "--require", "nobody"], as: "t_pol_staff").status == 1)
        #expect(try await cli.eventCount() == events)
        await cli.database.drop()
    }

    static func failureReasons(_ scene: ServerScene) async throws -> [String] {
        let owner = try await scene.cli.database.connect()
        return try await owner.query(
            SQL("failure_reasons", "SELECT payload->>'reason' AS reason FROM rcm.events WHERE event_type = 'identity.second_factor_failed' ORDER BY position")
        ).rows.map { try $0.decode("reason") }
    }

    static func signInMethods(_ scene: ServerScene) async throws -> [String] {
        let owner = try await scene.cli.database.connect()
        return try await owner.query(
            SQL("sign_in_methods", "SELECT payload->>'method' AS method FROM rcm.events WHERE event_type = 'identity.signed_in' ORDER BY position")
        ).rows.map { try $0.decode("method") }.filter { $0 != "password" }
    }
}
