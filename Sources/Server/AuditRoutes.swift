import Application
import Billing
import Foundation
import Hummingbird

/// Audit of a practice: verify its hash chain, seal it (the seal to keep outside the database), its access log
/// (who read what PHI, when, why), and one claim's history with the balance after each event (the read
/// recorded, as `rcm report claim` does).
struct AuditRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/audit/verify") { _, context in
            let principal = try context.require(.audit)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            guard let report = try await acting.verifyChains(tenant: practice.id.description, sealJSON: nil).first?.report else {
                throw Problem.notFound("practice")
            }
            return JSONResponse.make([
                "intact": report.isIntact, "events": report.count, "headHash": report.headHash,
                "brokenPosition": report.brokenPosition.map { $0 as Any } ?? NSNull(), "message": report.message,
            ])
        }
        routes.add(.post, "/practices/{practice}/audit/seal") { _, context in
            let principal = try context.require(.audit)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let seal = try await acting.sealLog(tenant: practice.id.description)
            return JSONResponse.text(seal, contentType: "application/json", status: .created)
        }
        routes.add(.get, "/practices/{practice}/audit/access") { request, context in
            let principal = try context.require(.audit)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let query = request.uri.queryParameters
            let since = try query.get("since").map { text in
                guard text.count == 10, let date = LocalDate(String(text)) else { throw Problem.invalid("since", "date", "since must be a real date, YYYY-MM-DD") }
                return date
            }
            let patient = try query.get("patient").map { text in
                guard (1...64).contains(text.count) else { throw Problem.invalid("patient", "max-length", "patient is 1 to 64 characters") }
                return PatientKey(String(text))
            }
            let records = try await acting.accessTrail(patient: patient, login: nil, since: since, tenant: practice.id.description)
            let page = try Page(
                Array(records.enumerated()), key: { String(format: "%015.3f-%08d", $0.element.recordedAt.timeIntervalSince1970, $0.offset) },
                request: request)
            return JSONResponse.make(
                page.json("access") { item in
                    let record = item.element
                    return [
                        "recordedAt": Wire.timestamp(record.recordedAt), "login": record.login, "record": record.record, "reason": record.reason,
                        "sensitive": record.sensitive,
                    ]
                })
        }
        routes.add(.get, "/practices/{practice}/claims/{claim}/history") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let claim = try Wire.parameter("claim", context)
            _ = try await acting.showVersionedClaim(ClaimID(claim), tenant: practice.id.description, reason: "api: claim history")
            let history = try await acting.auditClaim(claim, tenant: practice.id.description, reason: "api: claim history")
            return JSONResponse.make(["claimID": claim, "history": ReportRoutes.rows(history)])
        }
    }
}
