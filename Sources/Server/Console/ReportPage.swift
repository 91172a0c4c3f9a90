import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// Reports: aging (a stacked bar per side, insurance and patient, by bucket; the table by payer and provider),
/// A/R, denials by reason and payer, and the monthly KPIs (line charts); as of a date and as known at a time
/// where the report allows; every table as CSV (`?format=csv`).
struct ReportPage {
    let session: ConsoleSession
    static let names = [("aging", "Aging"), ("ar", "A/R"), ("denials", "Denials"), ("kpis", "KPIs")]

    func render(_ name: String, _ request: Request) async throws -> Response {
        guard Self.names.contains(where: { $0.0 == name }) else { throw Problem.notFound("report \(name)") }
        let asOfText = queryText(request, "as_of")
        let knownAtText = queryText(request, "known_at")
        var problem: String?
        var asOf: String?
        var knownAt: Date?
        if let text = asOfText {
            if text.count == 10, LocalDate(text) != nil { asOf = text } else { problem = "as of must be a date, YYYY-MM-DD" }
        }
        if let text = knownAtText {
            let formatter = ISO8601DateFormatter()
            if let date = formatter.date(from: text) ?? formatter.date(from: text + ":00Z") ?? formatter.date(from: text + "Z") {
                knownAt = date
            } else {
                problem = "known at must be a time, e.g. 2026-06-30T12:00"
            }
        }
        var report: Report?
        if problem == nil {
            do {
                report = try await session.core.report(name, options: ReportOptions(tenant: session.tenant.slug, asOf: asOf, knownAt: knownAt))
            } catch let error as ProjectionError {
                problem = String(describing: error)
            }
        }
        if let report, queryText(request, "format") == "csv", problem == nil {
            var headers = ConsoleLayout.securityHeaders
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(session.tenant.slug)-\(name).csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: ReportFormat.csv.render(report))))
        }
        let title = Self.names.first { $0.0 == name }!.1
        var body = "<h1>\(title): \(HTML.escape(session.tenant.slug))</h1><nav aria-label=\"Reports\"><ul class=\"counts\">"
            + Self.names.map { "<li>\(HTML.link(session.url("/reports/\($0.0)"), $0.1))</li>" }.joined() + "</ul></nav>"
        body += """
            <form class="inline" method="get" action="\(session.url("/reports/\(name)"))" aria-label="Report options">
            <div><label for="as-of">As of (date)</label><input id="as-of" name="as_of" type="date" value="\(HTML.escape(asOfText ?? ""))"></div>
            <div><label for="known-at">As known at (UTC time)</label><input id="known-at" name="known_at" value="\(HTML.escape(knownAtText ?? ""))" placeholder="2026-06-30T12:00"></div>
            <button type="submit">Show</button></form>
            """
        if let problem { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(problem))</p>" }
        if let report {
            var csv = session.url("/reports/\(name)?format=csv")
            if let asOf { csv += "&as_of=\(asOf)" }
            if let knownAtText, knownAt != nil { csv += "&known_at=\(knownAtText.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? "")" }
            if name == "aging" { body += "<h2>Buckets</h2>" + ReportCharts.agingBars(report) }
            if name == "kpis" { body += "<h2>Trends</h2>" + ReportCharts.kpiLines(report) }
            body += "<h2>Table</h2><p>\(HTML.link(csv, "Download this table as CSV"))</p>" + table(report, caption: title)
        }
        return session.page(title, body, status: problem == nil ? .ok : .unprocessableContent)
    }

    private func table(_ report: Report, caption: String) -> String {
        HTML.table(
            caption: caption, headers: report.columns.map { $0.kind == .money || $0.kind == .count || $0.kind == .decimal ? "#" + $0.name : $0.name },
            rows: report.rows.map { row in
                row.map { value in
                    switch value {
                    case .text(let text): HTML.escape(text)
                    case .money(let cents): HTML.money(cents)
                    case .count(let count): String(count)
                    case .decimal(let text): HTML.escape(text)
                    case .null: ""
                    }
                }
            }, id: "report")
    }
}
