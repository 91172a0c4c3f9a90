import Crypto
import Foundation
import Testing
import TestSupport

/// The console's sign-in pages and passkey routes over HTTP against the real database (decision 0016): CSRF,
/// the password step's redirects, a passkey registered and used, and every replay refused and recorded.
@Suite("Console sign-in pages and passkeys over HTTP")
struct PasskeyHTTPTests {
    /// The console's CSRF token of a session (as `CSRFToken` derives it).
    static func csrf(_ token: String) -> String {
        SHA256.hash(data: Array("rcm-console-csrf:\(token)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The client on the RP id's host (localhost): the origin the authenticator signs for.
    static func local(_ scene: ServerScene) -> HTTPClient {
        HTTPClient(baseURL: URL(string: scene.server.baseURL.absoluteString.replacingOccurrences(of: "127.0.0.1", with: "localhost"))!)
    }

    static func token(_ scene: ServerScene, _ login: String) async throws -> (token: String, stage: String) {
        let reply = try await scene.http.post("/sign-in", json: ["login": login, "password": ServerScene.password])
        return (reply.json["token"] as? String ?? "", reply.json["stage"] as? String ?? "")
    }

    @Test("the password page sets a pre-session cookie; a post without its CSRF token is 403; a wrong password 401 beside the field; a right one a 303 with the session")
    func passwordPage() async throws {
        let scene = try await ServerScene.make("signin_pages")
        let page = try await scene.http.get("/app/sign-in")
        #expect(page.status == 200)
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        let cookie = try #require(page.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        #expect(cookie.hasPrefix("rcm_signin="))
        let presession = String(cookie.dropFirst("rcm_signin=".count))
        let form = "login=\(scene.ana)&csrf=\(Self.csrf(presession))"
        let headers = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie]
        #expect(try await scene.http.send("POST", "/app/sign-in", body: Data("login=\(scene.ana)&password=x".utf8), headers: headers).status == 403)
        let wrong = try await scene.http.send("POST", "/app/sign-in", body: Data((form + "&password=wrong").utf8), headers: headers)
        #expect(wrong.status == 401 && wrong.text.contains("id=\"password-error\""))
        // curl, which does not follow the redirect, shows it.
        let right = try Shell.run([
            "/usr/bin/curl", "-s", "-D", "-", "-o", "/dev/null", "-H", "Cookie: \(cookie)", "--data", form + "&password=" + ServerScene.password.replacingOccurrences(of: " ", with: "+"),
            scene.server.baseURL.absoluteString + "/app/sign-in",
        ]).standardOutput.lowercased()
        #expect(right.hasPrefix("http/1.1 303"), "\(right)")
        #expect(right.contains("location: /app\r\n") && right.contains("set-cookie: rcm_session="), "\(right)")
        await scene.stop()
    }

    @Test("a passkey is registered and signs in; a replayed answer, another challenge's answer and an older counter are refused and recorded; a reset removes it")
    func passkeys() async throws {
        let scene = try await ServerScene.make("signin_passkeys")
        let http = Self.local(scene)
        let port = scene.server.baseURL.port ?? 0
        let authenticator = SoftwareAuthenticator(rpID: "localhost", origin: "http://localhost:\(port)")
        let (token, stage) = try await Self.token(scene, scene.ana)
        #expect(stage == "complete")
        let person = http.with("Cookie", "rcm_session=\(token)")
        let guarded = person.with("X-CSRF-Token", Self.csrf(token))
        #expect(try await person.post("/app/passkeys/options", json: [:]).status == 403)
        #expect(try await scene.http.with("Cookie", "rcm_session=\(token)").with("X-CSRF-Token", Self.csrf(token))
            .post("/app/passkeys/options", json: [:]).status == 400, "127.0.0.1 is not the RP id")
        let options = try await guarded.post("/app/passkeys/options", json: [:])
        #expect(options.status == 200)
        #expect((options.json["rp"] as? [String: Any])?["id"] as? String == "localhost")
        let challenge = try #require(options.json["challenge"] as? String)
        let added = try await guarded.post("/app/passkeys", json: authenticator.registration(challenge: challenge))
        #expect(added.status == 201, "\(added.text)")
        #expect(try await guarded.post("/app/passkeys", json: authenticator.registration(challenge: challenge)).status == 422, "the challenge is gone")
        #expect(try scene.cli.ok(["audit", "access-changes"]).contains("second factor enrolled: passkey"))

        // The passkey is a factor now: the password opens a session waiting for it.
        func pending() async throws -> HTTPClient {
            let (token, stage) = try await Self.token(scene, scene.ana)
            #expect(stage == "second_factor")
            return http.with("Cookie", "rcm_session=\(token)").with("X-CSRF-Token", Self.csrf(token))
        }
        func challengeOf(_ client: HTTPClient) async throws -> String {
            let options = try await client.post("/app/sign-in/passkey/options", json: [:])
            #expect(options.status == 200, "\(options.text)")
            #expect((options.json["allowCredentials"] as? [[String: Any]])?.first?["id"] as? String == SoftwareAuthenticator.base64url(authenticator.credentialID))
            return options.json["challenge"] as? String ?? ""
        }
        let first = try await pending()
        let good = try authenticator.assertion(challenge: try await challengeOf(first), counter: 1)
        let signedIn = try await first.post("/app/sign-in/passkey", json: good)
        #expect(signedIn.status == 200 && signedIn.json["next"] as? String == "/app", "\(signedIn.text)")
        #expect(try await first.get("/practices").status == 200)

        let failuresBefore = try await scene.count("identity.second_factor_failed")
        let second = try await pending()
        let replayed = try await second.post("/app/sign-in/passkey", json: good)
        #expect(replayed.status == 401 && (replayed.json["error"] as? String ?? "").contains("used already"), "\(replayed.text)")
        _ = try await challengeOf(second)
        let otherChallenge = try await second.post("/app/sign-in/passkey", json: good)
        #expect(otherChallenge.status == 401 && (otherChallenge.json["error"] as? String ?? "").contains("challenge"), "\(otherChallenge.text)")
        let stale = try authenticator.assertion(challenge: try await challengeOf(second), counter: 1)
        let older = try await second.post("/app/sign-in/passkey", json: stale)
        #expect(older.status == 401 && (older.json["error"] as? String ?? "").contains("counter"), "\(older.text)")
        #expect(try await scene.count("identity.second_factor_failed") == failuresBefore + 3)
        #expect(try await second.get("/practices").status == 401)
        let fresh = try authenticator.assertion(challenge: try await challengeOf(second), counter: 2)
        #expect(try await second.post("/app/sign-in/passkey", json: fresh).status == 200)

        _ = try scene.cli.ok(["staff", "mfa", "reset", scene.ana])
        #expect(try await second.get("/practices").status == 401, "a reset ends the sessions")
        #expect(try await Self.token(scene, scene.ana).stage == "complete", "no passkey is left (the policy is nobody)")
        await scene.stop()
    }
}
