import Application
import Billing
import Foundation
import HTTPTypes
import Hummingbird

/// The claim actions beyond scrub and void: submit (an 837P batch of its own), correct (frequency 7 once
/// adjudicated), appeal, assign and write-off. Each needs an `Idempotency-Key` (a retry gets the first answer)
/// and takes `If-Match` (the claim's version: 412 when stale, nothing written); each answers the claim with its
/// new `ETag`.
struct ClaimActionRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.post, "/practices/{practice}/claims/{claim}/submit") { request, context in
            let (acting, practice, id, expected) = try await Self.prepare(request, context, core: core)
            let outcome = try await acting.submitClaim(id, expected: expected, tenant: practice.id.description)
            AppendMetrics.record("claim.submit")
            var object = Wire.claim(outcome.claim)
            object["submission"] = SubmissionRoutes.summary(outcome.batch)
            return JSONResponse.make(object, headers: [.eTag: Wire.etag(outcome.claim.version)])
        }
        add(routes, "correct", fields: ["reason"]) { body in .correct(reason: try body.string("reason")) }
        add(routes, "appeal", fields: ["denialID", "reference"]) { body in
            .appeal(DenialID(try body.string("denialID", maxLength: 100)), reference: try body.string("reference", maxLength: 50))
        }
        add(routes, "assign", fields: ["denialID", "owner", "due"]) { body in
            .assign(
                DenialID(try body.string("denialID", maxLength: 100)), owner: StaffID(try body.string("owner", maxLength: 63)),
                due: body.values["due"] == nil ? nil : try body.date("due"))
        }
        add(routes, "write-off", fields: ["amount", "reason", "side", "denialID"]) { body in
            let reasonText = try body.string("reason", maxLength: 20)
            guard let reason = WriteOffReason(rawValue: reasonText) else {
                throw Problem.invalid("reason", "enum", "reason is one of \(WriteOffReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let sideText = try body.optionalString("side", maxLength: 20) ?? "insurance"
            guard let side = BalanceSide(rawValue: sideText) else { throw Problem.invalid("side", "enum", "side is insurance or patient") }
            let amount = try body.money("amount")
            guard amount > .zero else { throw Problem.invalid("amount", "range", "amount must be more than 0.00") }
            return .writeOff(amount, reason: reason, side: side, denial: try body.optionalString("denialID", maxLength: 100).map { DenialID($0) })
        }
    }

    /// `POST …/claims/{claim}/<name>` with a JSON body of `fields`, turned into a claim action.
    private func add(_ routes: RouteTable, _ name: String, fields: Set<String>, _ action: @escaping @Sendable (JSONObject) throws -> RevenueCycle.ClaimAction) {
        routes.add(.post, "/practices/{practice}/claims/{claim}/\(name)") { request, context in
            let (acting, practice, id, expected) = try await Self.prepare(request, context, core: core)
            let command = try action(try await JSONObject.read(request, context: context, allowed: fields))
            let versioned = try await acting.act(on: id, command, expected: expected, tenant: practice.id.description)
            AppendMetrics.record("claim.\(name)")
            return JSONResponse.make(Wire.claim(versioned), headers: [.eTag: Wire.etag(versioned.version)])
        }
    }

    /// The acting core, practice, claim and expected version of a claim action; its key is required.
    static func prepare(_ request: Request, _ context: ServerContext, core: RevenueCycle) async throws -> (RevenueCycle, Tenant, ClaimID, Int64?) {
        let principal = try context.require(.workClaims)
        let acting = try core.acting(as: principal.role)
        let practice = try await Wire.practice(context, core: acting)
        let id = ClaimID(try Wire.parameter("claim", context))
        let expected = try Wire.ifMatch(request)
        _ = try IdempotencyMiddleware.required(request)
        return (acting, practice, id, expected)
    }
}
