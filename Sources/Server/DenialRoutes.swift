import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// `GET /practices/{practice}/denials`: the denial worklist (as `rcm denials list`), filtered by `owner`,
/// `payer`, `reason` (a CARC such as `CO-29`), `status` and `due_within_days`, in denial-id order with cursor
/// pagination; money as decimal strings.
struct DenialRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/denials") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let query = request.uri.queryParameters
            func text(_ name: String, _ maxLength: Int) throws -> String? {
                try query.get(name).map { value in
                    guard !value.isEmpty, value.count <= maxLength else { throw Problem.invalid(name, "max-length", "\(name) is 1 to \(maxLength) characters") }
                    return String(value)
                }
            }
            let status = try query.get("status").map { value in
                guard let status = DenialStatus(rawValue: String(value)) else {
                    throw Problem.invalid("status", "enum", "status is one of \(DenialStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            let due = try query.get("due_within_days").map { value in
                guard let days = Int(value), (0...3650).contains(days) else { throw Problem.invalid("due_within_days", "range", "due_within_days is 0 to 3650") }
                return days
            }
            let filter = DenialWorklistFilter(
                tenant: practice.id.description, owner: try text("owner", 63), payer: try text("payer", 64), reason: try text("reason", 10),
                dueWithinDays: due, status: status)
            let rows = ReportRoutes.rows(try await acting.denialWorklist(filter))
            let page = try Page(rows, key: { $0["denial"] as? String ?? "" }, request: request)
            return JSONResponse.make(page.json("denials") { $0 })
        }
    }
}
