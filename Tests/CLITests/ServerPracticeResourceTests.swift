import Foundation
import Testing
import TestSupport

/// Patients, coverages, authorizations, providers, payers, enrolments, sessions, eligibility, reports and
/// audit through HTTP.
@Suite("rcm serve: a practice's resources over HTTP")
struct ServerPracticeResourceTests {
    @Test("a patient registered by POST is listed by key only; its identity comes only from /identity, each read recorded; coverages and authorizations by key; PHI never in the server's log")
    func patients() async throws {
        let scene = try await ServerScene.make("http_patients")
        let ana = try await scene.signedIn(scene.ana)
        let identity: [String: Any] = [
            "firstName": "Ottoline", "lastName": "Vandergrift", "dateOfBirth": "1979-03-02", "address": "4 Quince Ct, Springfield, IL 62701",
            "phone": "2175550199", "memberID": "ZZV55512345",
        ]
        let created = try await ana.post("/practices/acme/patients", json: identity, headers: ["Idempotency-Key": "patient-1"])
        #expect(created.status == 201, "\(created.text)")
        let key = try #require(created.json["patientKey"] as? String)
        #expect(!created.text.contains("Vandergrift"))
        let again = try await ana.post("/practices/acme/patients", json: identity, headers: ["Idempotency-Key": "patient-1"])
        #expect(again.body == created.body && again.header("Idempotent-Replayed") == "true")
        #expect(try await scene.count("patient.registered") == 2, "the scene's patient and this one, once")
        var other = identity
        other["firstName"] = "Someone"
        #expect(try await ana.post("/practices/acme/patients", json: other, headers: ["Idempotency-Key": "patient-1"]).status == 422)
        var impossible = identity
        impossible["dateOfBirth"] = "1979-02-30"
        let refused = try await ana.post("/practices/acme/patients", json: impossible, headers: ["Idempotency-Key": "patient-2"])
        #expect(refused.status == 400 && refused.json["field"] as? String == "dateOfBirth" && !refused.text.contains("Vandergrift"))

        let list = try await ana.get("/practices/acme/patients")
        let keys = (list.json["patients"] as? [[String: Any]] ?? []).compactMap { $0["patientKey"] as? String }
        #expect(Set(keys) == [key, scene.patientKey] && keys == keys.sorted())
        #expect(!list.text.contains("Vandergrift") && !list.text.contains("Quaxworth"))
        let firstPage = try await ana.get("/practices/acme/patients?limit=1")
        let cursor = try #require(firstPage.json["nextCursor"] as? String)
        let secondPage = try await ana.get("/practices/acme/patients?limit=1&cursor=\(cursor)")
        #expect(((firstPage.json["patients"] as? [[String: Any]] ?? []) + (secondPage.json["patients"] as? [[String: Any]] ?? [])).compactMap { $0["patientKey"] as? String } == keys)

        let reads = try await scene.count("access.phi_viewed")
        let facts = try await ana.get("/practices/acme/patients/\(key)")
        #expect(facts.status == 200 && !facts.text.contains("Vandergrift") && !facts.text.contains("ZZV55512345"))
        #expect(try await scene.count("access.phi_viewed") == reads, "facts name nobody: no read recorded")
        let shown = try await ana.get("/practices/acme/patients/\(key)/identity")
        #expect((shown.json["identity"] as? [String: Any])?["lastName"] as? String == "Vandergrift")
        #expect(shown.header("Cache-Control") == "no-store")
        #expect(try await scene.count("access.phi_viewed") == reads + 1)
        #expect(try await ana.get("/practices/acme/patients/PKNOSUCHPATIENT/identity").status == 404)
        #expect(try await scene.count("access.phi_viewed") == reads + 1)

        let coverage = try await ana.post(
            "/practices/acme/patients/\(key)/coverages",
            json: ["coverageID": "cov-1", "payerID": "aetna", "order": "primary", "copay": "30.00", "effectiveFrom": "2026-01-01"],
            headers: ["Idempotency-Key": "coverage-1"])
        #expect(coverage.status == 201 && coverage.json["copay"] as? String == "30.00", "\(coverage.text)")
        let badMoney = try await ana.post(
            "/practices/acme/patients/\(key)/coverages",
            json: ["coverageID": "cov-2", "payerID": "aetna", "order": "primary", "copay": "30.001", "effectiveFrom": "2026-01-01"],
            headers: ["Idempotency-Key": "coverage-2"])
        #expect(badMoney.status == 400 && badMoney.json["field"] as? String == "copay" && badMoney.json["rule"] as? String == "money")
        let authorization = try await ana.post(
            "/practices/acme/patients/\(key)/authorizations",
            json: ["number": "AUTH-9", "payerID": "aetna", "codes": ["90837"], "units": 12, "effectiveFrom": "2026-01-01", "effectiveThrough": "2026-12-31"],
            headers: ["Idempotency-Key": "auth-1"])
        #expect(authorization.status == 201 && authorization.json["remaining"] as? String == "12", "\(authorization.text)")
        let coverages = try await ana.get("/practices/acme/patients/\(key)/coverages").json["coverages"] as? [[String: Any]] ?? []
        #expect(coverages.map { $0["coverageID"] as? String } == ["cov-1"])
        let authorizations = try await ana.get("/practices/acme/patients/\(key)/authorizations").json["authorizations"] as? [[String: Any]] ?? []
        #expect(authorizations.map { $0["number"] as? String } == ["AUTH-9"])

        #expect(scene.server.stop() == 0)
        for phi in ["Vandergrift", "Ottoline", "ZZV55512345", "1979-03-02", "2175550199"] {
            #expect(!scene.server.log.contains(phi), "\(phi) in the server's log")
        }
        await scene.cli.database.drop()
    }

    @Test("providers, the payer catalog and enrolments; sessions and claims a page at a time in a stable order; eligibility 270s; reports as JSON and CSV; audit verify, seal and access log")
    func practiceReads() async throws {
        let scene = try await ServerScene.make("http_reads")
        let ana = try await scene.signedIn(scene.ana)
        let providers = try await ana.get("/practices/acme/providers").json["providers"] as? [[String: Any]] ?? []
        #expect(providers.map { $0["providerID"] as? String } == ["dr-lee"] && providers.first?["lastName"] as? String == "Lee")
        let added = try await ana.post(
            "/practices/acme/providers",
            json: ["providerID": "dr-kim", "firstName": "Jo", "lastName": "Kim", "npi": "1234567893", "taxonomy": "101YM0800X", "licence": "licensedTherapist"],
            headers: ["Idempotency-Key": "provider-1"])
        #expect(added.status == 201, "\(added.text)")
        #expect(try await ana.get("/practices/acme/providers/dr-kim").json["licence"] as? String == "licensedTherapist")
        #expect(try await ana.get("/practices/acme/providers/dr-nobody").status == 404)
        let payers = try await ana.get("/payers").json["payers"] as? [[String: Any]] ?? []
        #expect(payers.contains { $0["payerID"] as? String == "aetna" && $0["x12PayerID"] as? String == "60054" })
        #expect(try await ana.get("/payers/aetna").status == 200)
        #expect(try await ana.get("/payers/nobody").status == 404)
        let enrolment = try await ana.get("/practices/acme/enrolments/aetna").json
        #expect(enrolment["providers"] as? [String] == ["dr-lee"])
        #expect((enrolment["contractRates"] as? [[String: Any]])?.contains { $0["amount"] as? String == "132.00" } == true)
        #expect((try await ana.get("/practices/acme/enrolments").json["enrolments"] as? [Any])?.count == 1)

        var sessionIDs: [String] = []
        for day in 3...7 {
            let logged = try await ana.post("/practices/acme/sessions", json: scene.sessionBody(days: day), headers: ["Idempotency-Key": "page-\(day)"])
            sessionIDs.append(logged.json["sessionID"] as! String)
        }
        var seen: [String] = []
        var path = "/practices/acme/sessions?limit=2"
        while true {
            let page = try await ana.get(path)
            seen += (page.json["sessions"] as? [[String: Any]] ?? []).compactMap { $0["sessionID"] as? String }
            guard let next = page.json["nextCursor"] as? String else { break }
            path = "/practices/acme/sessions?limit=2&cursor=\(next)"
        }
        #expect(seen == sessionIDs.sorted() && seen.count == 5)
        #expect(try await ana.get("/practices/acme/sessions?cursor=%%%").json["field"] as? String == "cursor")
        for id in sessionIDs.prefix(3) {
            _ = try scene.cli.ok(["claims", "create", "--tenant", "acme", "--patient", scene.patientKey, "--payer", "aetna", "--sessions", id])
        }
        let allClaims = (try await ana.get("/practices/acme/claims").json["claims"] as? [[String: Any]] ?? []).compactMap { $0["claimID"] as? String }
        let pageOne = try await ana.get("/practices/acme/claims?limit=2")
        let pageTwo = try await ana.get("/practices/acme/claims?limit=2&cursor=\(pageOne.json["nextCursor"] as! String)")
        let paged = [pageOne, pageTwo].flatMap { ($0.json["claims"] as? [[String: Any]] ?? []).compactMap { $0["claimID"] as? String } }
        #expect(allClaims.count == 3 && paged == allClaims && allClaims == allClaims.sorted())
        // The status filter is applied before the page is cut (claim_status), so a page of drafts is full and a
        // status no claim has is an empty last page.
        let drafts = try await ana.get("/practices/acme/claims?status=draft&limit=2")
        #expect((drafts.json["claims"] as? [[String: Any]])?.compactMap { $0["claimID"] as? String } == Array(allClaims.prefix(2)))
        #expect(drafts.json["nextCursor"] is String)
        let closed = try await ana.get("/practices/acme/claims?status=closed")
        #expect((closed.json["claims"] as? [Any])?.isEmpty == true && closed.json["nextCursor"] is NSNull, "\(closed.text)")

        let inquiry = try await ana.post("/practices/acme/patients/\(scene.patientKey)/eligibility-inquiries", json: [:], headers: ["Idempotency-Key": "270-1"])
        #expect(inquiry.status == 201 && inquiry.json["payerID"] as? String == "aetna", "\(inquiry.text)")
        let inquiries = try await ana.get("/practices/acme/eligibility/inquiries").json["inquiries"] as? [[String: Any]] ?? []
        #expect(inquiries.map { $0["inquiryID"] as? String } == [inquiry.json["inquiryID"] as? String])
        let notX12 = try await ana.post("/practices/acme/eligibility/responses", raw: Data("hello".utf8))
        #expect(notX12.status == 400 && notX12.json["rule"] as? String == "x12")

        for report in ["ar", "denials", "kpis"] {
            let json = try await ana.get("/practices/acme/reports/\(report)")
            #expect(json.status == 200 && json.json["rows"] is [Any], "\(report): \(json.text)")
            // KPIs come from the live tables only: as of a date they are a 422 naming what to use instead.
            let asOf = try await ana.get("/practices/acme/reports/\(report)?as_of=\(CLI.daysAgo(0))")
            #expect(asOf.status == (report == "kpis" ? 422 : 200), "\(report): \(asOf.text)")
            let csv = try await ana.get("/practices/acme/reports/\(report)", headers: ["Accept": "text/csv"])
            #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true, "\(report)")
        }
        #expect(try await ana.get("/practices/acme/reports/kpis?known_at=yesterday").json["field"] as? String == "known_at")

        let verified = try await ana.get("/practices/acme/audit/verify")
        #expect(verified.status == 200 && verified.json["intact"] as? Bool == true, "\(verified.text)")
        let seal = try await ana.post("/practices/acme/audit/seal")
        #expect(seal.status == 201 && (seal.json["headHash"] as? String ?? seal.text).isEmpty == false, "\(seal.text)")
        _ = try await ana.get("/practices/acme/patients/\(scene.patientKey)/identity")
        let access = try await ana.get("/practices/acme/audit/access").json["access"] as? [[String: Any]] ?? []
        #expect(access.contains { $0["login"] as? String == scene.ana && $0["reason"] as? String == "api: patient identity" }, "\(access)")
        await scene.stop()
    }

    @Test("an API key may read but not see identities, register patients or import files unless granted")
    func keyActions() async throws {
        let scene = try await ServerScene.make("http_key_actions")
        let created = try scene.cli.ok(["apikey", "create", "--label", "EHR", "--tenant", "acme", "--actions", "read,sessions.log"])
        let key = scene.http.bearer(String(created.split(separator: "\n").last!))
        #expect(try await key.get("/practices/acme/patients").status == 200)
        let identity = try await key.get("/practices/acme/patients/\(scene.patientKey)/identity")
        #expect(identity.status == 403 && identity.json["rule"] as? String == "action-not-granted")
        #expect(try await key.post("/practices/acme/patients", json: [:], headers: ["Idempotency-Key": "p"]).status == 403)
        #expect(try await key.post("/practices/acme/acknowledgments", raw: Data("ISA".utf8)).status == 403)
        #expect(try await key.get("/practices/acme/audit/verify").status == 403)
        await scene.stop()
    }
}
