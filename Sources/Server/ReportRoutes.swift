import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// `GET /practices/{practice}/reports/{aging|ar|denials|kpis}?as_of=&known_at=`: JSON, or CSV when
/// `Accept: text/csv`; as of a business date or as the log knew it at a time.
struct ReportRoutes {
    let core: RevenueCycle
    static let names = ["aging", "ar", "denials", "kpis"]

    func add(to routes: RouteTable) {
        for name in Self.names {
            routes.add(.get, "/practices/{practice}/reports/\(name)") { request, context in
                let principal = try context.require(.read)
                let acting = try core.acting(as: principal.role)
                let practice = try await Wire.practice(context, core: acting)
                let query = request.uri.queryParameters
                let asOf = try query.get("as_of").map { text in
                    guard text.count == 10, LocalDate(String(text)) != nil else {
                        throw Problem.invalid("as_of", "date", "as_of must be a real date, YYYY-MM-DD")
                    }
                    return String(text)
                }
                let knownAt = try query.get("known_at").map { text in
                    let formatter = ISO8601DateFormatter()
                    guard text.count <= 40, let date = formatter.date(from: String(text)) else {
                        throw Problem.invalid("known_at", "date-time", "known_at must be an ISO 8601 time, e.g. 2026-06-30T12:00:00Z")
                    }
                    return date
                }
                let report = try await acting.report(name, options: ReportOptions(tenant: practice.id.description, asOf: asOf, knownAt: knownAt))
                let accept = request.headers[.accept] ?? ""
                if accept.contains("text/csv") {
                    return JSONResponse.text(ReportFormat.csv.render(report), contentType: "text/csv; charset=utf-8")
                }
                return JSONResponse.text(ReportFormat.json.render(report), contentType: "application/json")
            }
        }
    }

    /// A report's rows as JSON objects (money as decimal strings), through the report's own JSON renderer.
    static func rows(_ report: Report) -> [[String: Any]] {
        let text = ReportFormat.json.render(report)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        return object["rows"] as? [[String: Any]] ?? []
    }
}
