import Application
import Billing
import Foundation
import Hummingbird

/// Eligibility: the 270s the practice sent (list, control-number order, cursor pagination), a 270 for one patient
/// (kept in the PHI store; the answer comes back as a 271), and a 271 upload (as `rcm eligibility import`).
struct EligibilityRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/eligibility/inquiries") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let sent = try await acting.eligibilityInquiries(tenant: practice.id.description)
            let page = try Page(sent, key: { String(format: "%012d", $0.interchangeControlNumber) + $0.sha256 }, request: request)
            return JSONResponse.make(
                page.json("inquiries") {
                    [
                        "inquiryID": $0.sha256, "payerID": $0.payerID.rawValue, "interchangeControlNumber": $0.interchangeControlNumber,
                        "patients": $0.inquiries.count,
                    ]
                })
        }
        routes.add(.post, "/practices/{practice}/patients/{patient}/eligibility-inquiries") { request, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .importFiles)
            _ = try IdempotencyMiddleware.required(request)
            _ = try await scope.facts()
            let body = try await JSONObject.read(request, context: context, allowed: ["payerID", "date"])
            let result = try await scope.acting.checkEligibility(
                tenant: scope.tenant, patient: scope.key, payer: try body.optionalString("payerID", maxLength: 64).map { PayerID($0) },
                date: try body.optionalDate("date"), directory: nil)
            AppendMetrics.record("eligibility.inquiry")
            return JSONResponse.make(
                ["inquiryID": result.sha256, "payerID": result.payerID.rawValue, "interchangeControlNumber": result.interchangeControlNumber],
                status: .created)
        }
        routes.add(.post, "/practices/{practice}/eligibility/responses") { request, context in
            let principal = try context.require(.importFiles)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let bytes = try await Wire.x12(request, context: context, kind: "271")
            let outcome = try await acting.importEligibility(X12Upload(bytes: bytes, fileName: "api-upload.271"), tenant: practice.id.description)
            AppendMetrics.record("eligibility.response")
            return JSONResponse.make(["recorded": outcome.recorded, "repeated": outcome.repeated, "carveOuts": outcome.carveOuts], status: .created)
        }
    }
}
