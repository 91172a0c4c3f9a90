import Foundation
import Testing
import TestSupport

/// Webhooks end to end: `rcm serve` delivering to a receiver on loopback (docs/api.md "Webhooks").
@Suite("rcm serve: webhooks")
struct WebhookDeliveryTests {
    /// Short retries so the test sees several failures in a second.
    static let fastRetries = ["RCM_WEBHOOK_RETRY_BASE_MS": "100", "RCM_WEBHOOK_RETRY_CAP_MS": "400"]

    @Test("a receiver that fails then recovers gets every event once answered, in order, signed; a restart in the middle loses nothing")
    func failThenRecover() async throws {
        let scene = try await ServerScene.make("hook_recover", environment: Self.fastRetries)
        let receiver = WebhookReceiver(failing: true)
        let url = try await receiver.start()
        let signIn = try await scene.http.post("/sign-in", json: ["login": scene.ana, "password": ServerScene.password])
        let token = signIn.json["token"] as? String ?? ""
        let ana = scene.http.bearer(token)
        let created = try await ana.post("/practices/acme/webhooks", json: ["url": url])
        #expect(created.status == 201, "\(created.text)")
        let secret = created.json["secret"] as? String ?? ""
        let subscription = created.json["subscriptionID"] as? String ?? ""
        let listed = try await ana.get("/practices/acme/webhooks")
        #expect(listed.text.contains(subscription) && !listed.text.contains(secret))
        let start = created.json["cursor"] as? Int ?? -1

        for visit in 1...3 {
            _ = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: visit), headers: ["Idempotency-Key": "hook-\(visit)"])
        }
        try await Self.waitUntil { await receiver.received.count >= 3 }  // failures, retried with backoff
        // Restart while failing: the retry state is in the database.
        #expect(scene.server.stop() == 0, "\(scene.server.log)")
        let server = try scene.restarted(environment: Self.fastRetries)
        let again = HTTPClient(baseURL: server.baseURL).bearer(token)
        for visit in 4...5 {
            _ = try await again.post("/practices/acme/sessions", json: scene.sessionBody(days: visit), headers: ["Idempotency-Key": "hook-\(visit)"])
        }
        await receiver.setFailing(false)

        let feed = try await again.get("/practices/acme/events?after=\(start)&limit=1000")
        let expected = (feed.json["events"] as? [[String: Any]] ?? []).compactMap { $0["position"] as? Int64 }
        #expect(expected.count >= 5)
        try await Self.waitUntil { await receiver.delivered.count >= expected.count }
        let received = await receiver.received
        #expect(await receiver.delivered == expected, "delivered in position order, each once answered")
        #expect(received.contains { $0.status == 503 })
        #expect(received.allSatisfy { WebhookReceiver.verify($0.signature, body: $0.body, secret: secret) })
        #expect(!received.allSatisfy { WebhookReceiver.verify($0.signature, body: $0.body, secret: secret + "x") })
        let bodies = received.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.allSatisfy { !$0.contains("F41.1") })

        // Every expected event has exactly one delivered attempt (an event appended after the feed was read may be
        // delivered meanwhile too, once), and the failures before the recovery are recorded. The worker records an
        // attempt after the receiver has answered, so the last record may trail the receiver by a moment.
        @Sendable func deliveredAttempts() async throws -> (positions: [Int64], outcomes: [String]) {
            let attempts = try await again.get("/practices/acme/webhooks/\(subscription)/attempts")
            let recorded = attempts.json["attempts"] as? [[String: Any]] ?? []
            return (recorded.filter { $0["outcome"] as? String == "delivered" }.compactMap { $0["position"] as? Int64 },
                    recorded.compactMap { $0["outcome"] as? String })
        }
        try await Self.waitUntil { (try? await deliveredAttempts()).map { Set(expected).isSubset(of: Set($0.positions)) } ?? false }
        let (deliveredPositions, outcomes) = try await deliveredAttempts()
        #expect(Set(expected).isSubset(of: Set(deliveredPositions)) && deliveredPositions.count == Set(deliveredPositions).count, "\(deliveredPositions) vs \(expected)")
        #expect(outcomes.contains("failed"))
        let metrics = try await HTTPClient(baseURL: server.baseURL).get("/metrics")
        #expect(metrics.text.contains(#"rcm_webhook_deliveries_total{outcome="delivered"}"#), "\(metrics.text)")
        #expect(metrics.text.contains("rcm_projection_lag_events{"))
        await receiver.stop()
        server.stop()
        await scene.cli.database.drop()
    }

    @Test("an event failing past the give-up horizon is parked; a person's replay delivers it; deleting ends deliveries")
    func deadLetterReplay() async throws {
        let environment = Self.fastRetries.merging(["RCM_WEBHOOK_GIVE_UP_MS": "600"]) { $1 }
        let scene = try await ServerScene.make("hook_dead", environment: environment)
        let receiver = WebhookReceiver(failing: true)
        let url = try await receiver.start()
        let ana = try await scene.signedIn(scene.ana)
        let created = try await ana.post("/practices/acme/webhooks", json: ["url": url, "eventTypes": ["session.logged"]])
        let subscription = created.json["subscriptionID"] as? String ?? ""
        _ = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(), headers: ["Idempotency-Key": "dead-1"])

        let letters = "/practices/acme/webhooks/\(subscription)/dead-letters"
        try await Self.waitUntil { (try? await ana.get(letters).json["deadLetters"] as? [Any])?.isEmpty == false }
        let parked = try await ana.get(letters).json["deadLetters"] as? [[String: Any]] ?? []
        #expect(parked.count == 1 && parked.first?["state"] as? String == "parked")
        await receiver.setFailing(false)
        let replay = try await ana.post("/practices/acme/webhooks/\(subscription)/replay")
        #expect(replay.status == 202 && (replay.json["queued"] as? [Int])?.count == 1, "\(replay.text)")
        try await Self.waitUntil { await receiver.delivered.count == 1 }
        try await Self.waitUntil { (try? await ana.get(letters).json["deadLetters"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }

        #expect(try await ana.delete("/practices/acme/webhooks/\(subscription)").status == 204)
        #expect(try await ana.delete("/practices/acme/webhooks/\(subscription)").status == 404)
        let bob = try await scene.signedIn(scene.bob)
        #expect(try await bob.get("/practices/acme/webhooks").status == 404)
        await receiver.stop()
        await scene.stop()
    }

    /// Polls until `condition` holds, for at most 30 s.
    static func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<300 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting")
    }
}
