import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The events feed and its SSE stream over HTTP against the real database (docs/api.md "Events feed").
@Suite("rcm serve: the events feed")
struct EventFeedTests {
    /// Event types the feed withholds (IntegratorView); every other position must appear.
    static func withheld(_ type: String) -> Bool {
        type.hasPrefix("access.") || type.hasPrefix("identity.") || type == "patient.substance_use_flagged"
    }

    @Test("pages in position order without gaps, resumable from any page's next; no diagnoses; another practice's person gets 404")
    func pagesWithoutGaps() async throws {
        let scene = try await ServerScene.make("feed_pages")
        let ana = try await scene.signedIn(scene.ana)
        for visit in 1...3 {
            let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: visit), headers: ["Idempotency-Key": "feed-\(visit)"])
            #expect(logged.status == 201, "\(logged.text)")
        }
        let whole = try await ana.get("/practices/acme/events?after=0&limit=1000")
        #expect(whole.status == 200, "\(whole.text)")
        let head = whole.json["head"] as? Int ?? -1
        let events = whole.json["events"] as? [[String: Any]] ?? []
        #expect(whole.json["next"] as? Int == head && head > 3)

        var paged: [[String: Any]] = []
        var after = 0
        while after < head {
            let page = try await ana.get("/practices/acme/events?after=\(after)&limit=2")
            let next = page.json["next"] as? Int ?? after
            #expect(next > after && next <= after + 2, "\(page.text)")
            paged += page.json["events"] as? [[String: Any]] ?? []
            after = next
        }
        let positions = events.compactMap { $0["position"] as? Int }
        #expect(paged.compactMap { $0["position"] as? Int } == positions)
        #expect(positions == positions.sorted() && Set(positions).count == positions.count)

        // Gap-free: every position of the log is in the feed unless its type is withheld.
        let owner = try await scene.cli.database.connect()
        let rows = try await owner.query(
            SQL("feed_log", "SELECT e.position, e.event_type FROM rcm.events e JOIN rcm.tenants t USING (tenant_id) WHERE t.slug = 'acme' ORDER BY 1"))
        let logged = try rows.rows.map { (try $0.decode("position", as: Int.self), try $0.decode("event_type", as: String.self)) }
        #expect(logged.count == head)
        #expect(logged.filter { !Self.withheld($0.1) }.map(\.0) == positions)
        let sessions = events.filter { $0["type"] as? String == "session.logged" }
        #expect(sessions.count == 3)
        // The patient appears by the pseudonymous key only.
        #expect(sessions.allSatisfy { event in
            let payload = (try? JSONSerialization.data(withJSONObject: event["payload"] ?? [:])).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return payload.contains(scene.patientKey)
        })
        #expect(!whole.text.contains("F41.1") && !whole.text.contains("diagnoses"))

        let bob = try await scene.signedIn(scene.bob)
        #expect(try await bob.get("/practices/acme/events").status == 404)
        #expect(try await ana.get("/practices/acme/events?after=-1").status == 400)
        await scene.stop()
    }

    @Test("the SSE stream sends id = position and resumes after Last-Event-ID")
    func streamResumes() async throws {
        let scene = try await ServerScene.make("feed_stream")
        let signIn = try await scene.http.post("/sign-in", json: ["login": scene.ana, "password": ServerScene.password])
        let token = signIn.json["token"] as? String ?? ""
        let ana = scene.http.bearer(token)
        for visit in 1...2 {
            _ = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: visit), headers: ["Idempotency-Key": "sse-\(visit)"])
        }
        let page = try await ana.get("/practices/acme/events?limit=1000")
        let positions = (page.json["events"] as? [[String: Any]] ?? []).compactMap { $0["position"] as? Int }
        #expect(positions.count >= 3)

        let url = scene.server.baseURL.absoluteString + "/practices/acme/events/stream"
        let all = try Self.stream(url, token: token, lastEventID: nil)
        #expect(all.ids == positions, "\(all.text)")
        let resumeAfter = positions[1]
        let resumed = try Self.stream(url, token: token, lastEventID: resumeAfter)
        #expect(resumed.ids == positions.filter { $0 > resumeAfter }, "\(resumed.text)")
        #expect(resumed.text.contains("event: session.logged"))
        await scene.stop()
    }

    /// What curl reads of a stream in two seconds: its text and the `id:` lines.
    static func stream(_ url: String, token: String, lastEventID: Int?) throws -> (text: String, ids: [Int]) {
        var arguments = ["curl", "-sN", "--max-time", "2", "-H", "Authorization: Bearer \(token)"]
        if let lastEventID { arguments += ["-H", "Last-Event-ID: \(lastEventID)"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.compactMap { Int($0.dropFirst(4)) }
        return (text, ids)
    }
}
