import Foundation
import Testing
import TestSupport

/// Every operation the server describes (its own /openapi.yaml, which a unit test holds equal to the router),
/// tried by a person of practice `other` against practice `acme`'s real ids.
@Suite("rcm serve: no route shows one practice to another")
struct ServerIsolationWalkTests {
    /// `(METHOD, /path/{parameter})` of every operation in the spec, read from its indentation.
    static func operations(_ yaml: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n").map(String.init) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   "), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let method = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
                if ["get", "post", "put", "patch", "delete"].contains(method) { result.append((method.uppercased(), path)) }
            }
        }
        return result
    }

    @Test("each practice route, with acme's slug or id and acme's claim, patient, submission, provider, payer and trace, answers other's person exactly as for a practice that does not exist, writes nothing and reads no PHI")
    func everyRoute() async throws {
        let scene = try await ServerScene.make("http_walk")
        let ana = try await scene.signedIn(scene.ana)
        let claim = try await ServerClaimActionTests.claim(scene, ana, days: 6, key: "walk-1")
        #expect(try await ana.post("/practices/acme/claims/\(claim)/scrub").status == 200)
        let submitted = try await ana.post("/practices/acme/claims/\(claim)/submit", headers: ["Idempotency-Key": "walk-submit"])
        let submission = try #require((submitted.json["submission"] as? [String: Any])?["submissionID"] as? String, "\(submitted.text)")
        let hooked = try await ana.post("/practices/acme/webhooks", json: ["url": "http://127.0.0.1:9/hook"])
        let subscription = try #require(hooked.json["subscriptionID"] as? String, "\(hooked.text)")
        let acmeID = try await scene.cli.database.connect().query(
            .init("acme_id", "SELECT tenant_id::text AS id FROM rcm.tenants WHERE slug = 'acme'")).first!.decode("id", as: String.self)

        let bob = try await scene.signedIn(scene.bob)
        let spec = try await bob.get("/openapi.yaml").text
        let operations = Self.operations(spec)
        #expect(operations.count >= 40, "\(operations.count) operations")
        let values = [
            "{claim}": claim, "{patient}": scene.patientKey, "{submission}": submission, "{provider}": "dr-lee", "{payer}": "aetna",
            "{trace}": "TRACE1", "{subscription}": subscription,
        ]
        let events = try await scene.cli.eventCount()
        var walked = 0
        for practice in ["acme", acmeID] {
            for (method, template) in operations where template.hasPrefix("/practices/{practice}") {
                var path = template.replacingOccurrences(of: "{practice}", with: practice)
                for (name, value) in values { path = path.replacingOccurrences(of: name, with: value) }
                #expect(!path.contains("{"), "an unfilled parameter in \(template)")
                let body = method == "POST" ? Data("{}".utf8) : nil
                let headers = ["Idempotency-Key": "walk-bob", "If-Match": "\"1\""]
                let seen = try await bob.send(method, path, body: body, headers: headers)
                let missing = try await bob.send(method, path.replacingOccurrences(of: practice, with: "nope"), body: body, headers: headers)
                #expect(seen.status == 404, "\(method) \(template): \(seen.status) \(seen.text)")
                #expect(seen.text.replacingOccurrences(of: practice, with: "nope") == missing.text, "\(method) \(template)")
                for secret in [claim, scene.patientKey, submission, subscription, "Quaxworth"] {
                    #expect(!seen.text.contains(secret), "\(method) \(template) shows \(secret)")
                }
                walked += 1
            }
        }
        #expect(walked >= 70)
        let practices = try await bob.get("/practices").json["practices"] as? [[String: Any]] ?? []
        #expect(practices.map { $0["slug"] as? String } == ["other"])
        #expect(try await scene.cli.eventCount() == events, "nothing written, no read of PHI recorded")
        await scene.stop()
    }
}
