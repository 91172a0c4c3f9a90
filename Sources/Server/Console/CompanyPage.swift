import Application
import Foundation
import Hummingbird
import Projections

/// The company view for people who see several practices: A/R totals per practice (from the A/R report over
/// every practice the person may see), each linking to the practice's work queues.
struct CompanyPage {
    let session: ConsoleSession

    func render() async throws -> Response {
        let report = try await session.core.report("ar", options: ReportOptions(tenant: nil))
        let column = Dictionary(uniqueKeysWithValues: report.columns.enumerated().map { ($0.element.name, $0.offset) })
        var totals: [String: (claims: Int64, insurance: Int64, patient: Int64, net: Int64)] = [:]
        for row in report.rows {
            guard let at = column["tenant"], case .text(let slug) = row[at] else { continue }
            func amount(_ name: String) -> Int64 {
                guard let at = column[name] else { return 0 }
                switch row[at] {
                case .money(let value), .count(let value): return value
                default: return 0
                }
            }
            let old = totals[slug] ?? (0, 0, 0, 0)
            totals[slug] = (old.claims + amount("claims"), old.insurance + amount("insurance"), old.patient + amount("patient"), old.net + amount("net"))
        }
        let body = "<h1>Your practices</h1>" + HTML.table(
            caption: "A/R per practice", headers: ["Practice", "Time zone", "#Open claims", "#Insurance", "#Patient", "#Net A/R"],
            rows: session.practices.map { practice in
                let total = totals[practice.slug] ?? (0, 0, 0, 0)
                return [
                    HTML.link("/app/p/\(practice.slug)", practice.slug), HTML.escape(practice.timeZone), String(total.claims), HTML.money(total.insurance),
                    HTML.money(total.patient), HTML.money(total.net),
                ]
            }, id: "company")
        return session.page("Practices", body)
    }
}
