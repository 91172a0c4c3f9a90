import Application
import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Projections

/// Claims: a filtered, cursor-paginated list in claim-id order; one claim with its history and
/// `ETag` = its stream version; scrub and void with `If-Match` (412 on a stale version, nothing written).
struct ClaimRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/claims") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let query = request.uri.queryParameters
            let status = try query.get("status").map { text in
                guard let status = Claim.Status(rawValue: String(text)), status != .none else {
                    throw Problem.invalid("status", "enum", "status is one of \(Claim.Status.allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            let asked = try Page<VersionedClaim>.Asked(request)
            let cut = try await acting.versionedClaims(tenant: practice.id.description, status: status, after: asked.after, limit: asked.limit)
            let page = Page(cut: cut.claims, more: cut.more, key: { $0.claim.claimID?.rawValue ?? "" })
            return JSONResponse.make(page.json("claims", Wire.claim))
        }
        routes.add(.get, "/practices/{practice}/claims/{claim}") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let id = ClaimID(try Wire.parameter("claim", context))
            let versioned = try await acting.showVersionedClaim(id, tenant: practice.id.description, reason: "api: claim read")
            let history = try await acting.claimHistory(id.rawValue, tenant: practice.id.description)
            var object = Wire.claim(versioned)
            object["history"] = ReportRoutes.rows(history)
            return JSONResponse.make(object, headers: [.eTag: Wire.etag(versioned.version)])
        }
        for action in ["scrub", "void"] {
            routes.add(.post, "/practices/{practice}/claims/{claim}/\(action)") { request, context in
                let principal = try context.require(.workClaims)
                let acting = try core.acting(as: principal.role)
                let practice = try await Wire.practice(context, core: acting)
                let id = ClaimID(try Wire.parameter("claim", context))
                let expected = try Wire.ifMatch(request)
                let command: RevenueCycle.ClaimAction
                if action == "void" {
                    let body = try await JSONObject.read(request, context: context, allowed: ["reason"])
                    command = .void(reason: try body.string("reason", maxLength: 200))
                } else {
                    command = .scrub
                }
                let versioned = try await acting.act(on: id, command, expected: expected, tenant: practice.id.description)
                AppendMetrics.record("claim.\(action)")
                return JSONResponse.make(Wire.claim(versioned), headers: [.eTag: Wire.etag(versioned.version)])
            }
        }
    }
}

/// An opaque pagination cursor: the last sort key of a page, base64url.
enum Cursor {
    static func encode(_ id: String) -> String {
        Data(id.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws -> String {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 200, let data = Data(base64Encoded: base64), let id = String(data: data, encoding: .utf8) else {
            throw Problem.invalid("cursor", "format", "cursor is a nextCursor this API returned")
        }
        return id
    }
}
