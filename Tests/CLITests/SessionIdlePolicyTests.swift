import Foundation
import Testing
import TestSupport

/// The company's idle timeout for signed-in sessions (`rcm staff session-policy`, issue #18 item 3) over HTTP
/// against `rcm serve` and the real database: a bearer token or a console cookie idle longer is refused, activity
/// keeps a session alive, and the setting reaches the sessions already open.
@Suite("Session idle policy: the company's idle timeout, enforced by the server")
struct SessionIdlePolicyTests {
    /// The idle period the test sets: long enough that a loaded machine's request gaps stay well under it.
    static let idleSeconds = 15

    /// Signs `login` in; the session token.
    static func token(_ scene: ServerScene, _ login: String) async throws -> String {
        let reply = try await scene.http.post("/sign-in", json: ["login": login, "password": ServerScene.password])
        guard reply.status == 200, let token = reply.json["token"] as? String else {
            throw Shell.StartFailureLike("sign-in of \(login) answered \(reply.status): \(reply.text)")
        }
        return token
    }

    @Test("an owner sets the idle period (staff may not; bad values are usage errors); idle sessions get 401, the console's cookie a redirect saying the session ended; activity extends a session")
    func idleSessionsEnd() async throws {
        let scene = try await ServerScene.make("idle_policy")
        #expect(try scene.cli.ok(["staff", "session-policy"]) == "sessions end after 30 minute(s) idle")
        // A session opened before the change: the new idle period applies to it too.
        let before = scene.http.bearer(try await Self.token(scene, scene.ana))
        #expect(try await before.get("/practices").status == 200)

        let events = try await scene.cli.eventCount()
        #expect(try scene.cli.run(["staff", "session-policy", "--idle-minutes", "5"], as: scene.ana).status == 1)
        #expect(try scene.cli.run(["staff", "session-policy", "--idle-minutes", "0"]).status == 64)
        #expect(try scene.cli.run(["staff", "session-policy", "--idle-seconds", "90000"]).status == 64)
        #expect(try await scene.cli.eventCount() == events, "a refusal writes nothing")

        let set = try scene.cli.ok(["staff", "session-policy", "--idle-seconds", "\(Self.idleSeconds)"])
        #expect(set.hasSuffix("sessions end after \(Self.idleSeconds) second(s) idle"), "\(set)")
        #expect(set.hasPrefix("1 open session(s)"), "\(set)")
        #expect(try await scene.count("identity.session_policy_set") == 1)

        // Activity keeps a session alive past the idle period: a request every second for longer than the period.
        // The server saw at most (this reply - the previous request's send) of idleness; only while that is provably
        // under the period is a 200 owed (a machine under load can stretch one gap past it, and then the session
        // may rightly have ended).
        let clock = ContinuousClock()
        let signedIn = clock.now
        let busyToken = try await Self.token(scene, scene.ana)
        let busy = scene.http.bearer(busyToken)
        let console = scene.http.with("Cookie", "rcm_session=\(busyToken)")
        var previousSend = signedIn
        var lastProvenAlive = signedIn
        var step = 0
        while clock.now - signedIn < .seconds(Self.idleSeconds + 3) {
            defer { step += 1 }
            try await Task.sleep(for: .seconds(1))
            let send = clock.now
            let status: Int
            let showsQueues: Bool
            if step % 2 == 0 {
                let reply = try await busy.get("/practices")
                (status, showsQueues) = (reply.status, true)
            } else {
                let page = try await console.get("/app/p/acme")
                (status, showsQueues) = (page.status, page.text.contains("Work queues"))
            }
            guard clock.now - previousSend < .seconds(Self.idleSeconds) else { break }
            #expect(status == 200 && showsQueues, "request \(step) of a busy session")
            lastProvenAlive = clock.now
            previousSend = send
        }
        #expect(lastProvenAlive - signedIn > .seconds(Self.idleSeconds), "the session was shown alive past one idle period only by activity")

        // Idle past the period: the API answers 401, the console redirects to a page that says so (the client
        // follows the 303 to /app/signed-out?ended=session).
        try await Task.sleep(for: .seconds(Self.idleSeconds + 1))
        #expect(try await busy.get("/practices").status == 401)
        #expect(try await before.get("/practices").status == 401, "a session opened before the change ended too")
        let ended = try await console.get("/app/p/acme")
        #expect(ended.status == 200 && ended.text.contains("Your session ended") && !ended.text.contains("Work queues"), "\(ended.text)")

        // A longer period does not bring an ended session back; a new sign-in works and takes the company's period.
        let again = scene.http.bearer(try await Self.token(scene, scene.ana))
        #expect(try scene.cli.ok(["staff", "session-policy", "--idle-minutes", "30"]) == "1 open session(s) now end after this idle period too\nsessions end after 30 minute(s) idle")
        #expect(try await busy.get("/practices").status == 401)
        #expect(try await again.get("/practices").status == 200)
        await scene.stop()
    }
}
