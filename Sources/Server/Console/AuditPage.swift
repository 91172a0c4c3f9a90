import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// Audit: verify the practice's hash chain (the result and the first broken position), replay a claim's
/// history (the read recorded), and the PHI access log by patient key or person.
struct AuditPage {
    let session: ConsoleSession

    func render(_ request: Request, result: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let patient = queryText(request, "patient")
        let login = queryText(request, "login")
        let since = queryText(request, "since").flatMap { LocalDate($0) }
        var body = "<h1>Audit: \(HTML.escape(session.tenant.slug))</h1>" + result
        body += """
            <form class="action" method="post" action="\(session.url("/audit/verify"))" aria-labelledby="verify-h"><h2 id="verify-h">Verify the hash chain</h2>
            \(session.csrfInput)<p>Recomputes every event's hash of this practice's log and says where the first break is.</p>
            <button type="submit">Verify the chain</button></form>
            <form class="action" method="post" action="\(session.url("/audit/replay"))" aria-labelledby="replay-h"><h2 id="replay-h">Replay a claim</h2>
            \(session.csrfInput)<div class="field"><label for="replay-claim">Claim id</label><input id="replay-claim" name="claim"></div>
            <div class="field"><label for="replay-reason">Reason for the read</label><input id="replay-reason" name="reason"></div>
            <button type="submit">Replay</button></form>
            <h2>PHI access log</h2>
            <form class="inline" method="get" action="\(session.url("/audit"))" aria-label="Filter the access log">
            <div><label for="a-patient">Patient key</label><input id="a-patient" name="patient" value="\(HTML.escape(patient ?? ""))"></div>
            <div><label for="a-login">Person (login)</label><input id="a-login" name="login" value="\(HTML.escape(login ?? ""))"></div>
            <div><label for="a-since">Since</label><input id="a-since" name="since" type="date" value="\(HTML.escape(since?.description ?? ""))"></div>
            <button type="submit">Show</button></form>
            """
        let trail = try await session.core.accessTrail(
            patient: patient.map { PatientKey($0) }, login: login, since: since, tenant: session.tenant.slug, newest: 200)
        body += HTML.table(
            caption: "Reads of protected data, newest first (times in \(session.tenant.timeZone); at most 200)", headers: ["When", "Person", "Record", "Reason", "Part 2"],
            rows: trail.reversed().map { record in
                [
                    HTML.escape(HTML.moment(record.recordedAt, timeZone: session.tenant.timeZone)), HTML.escape(record.login), HTML.escape(record.record),
                    HTML.escape(record.reason), record.sensitive ? "yes" : "",
                ]
            }, id: "access-log")
        return session.page("Audit", body, status: status)
    }

    func verify(_ request: Request) async throws -> Response {
        let results = try await session.core.verifyChains(tenant: session.tenant.slug, sealJSON: nil)
        let html = results.map { entry in
            let report = entry.report
            let text = report.isIntact
                ? "Chain intact: \(report.count) events, head \(report.headHash.prefix(16))…"
                : "Chain broken at position \(report.brokenPosition.map(String.init) ?? "?"): \(report.message)"
            return "<p id=\"chain-result\" role=\"status\" class=\"\(report.isIntact ? "ok" : "error")\">\(HTML.escape(text))</p>"
        }.joined()
        return try await render(request, result: html)
    }

    func replay(_ request: Request, form: FormBody) async throws -> Response {
        guard let claim = form["claim"], let reason = form["reason"] else {
            return try await render(request, result: "<p class=\"error\" role=\"alert\">claim and reason are both required</p>", status: .unprocessableContent)
        }
        do {
            let report = try await session.core.auditClaim(claim, tenant: session.tenant.slug, reason: reason)
            let rows = report.rows.map { row in
                row.map { value -> String in
                    switch value {
                    case .text(let text): HTML.escape(text)
                    case .money(let cents): HTML.money(cents)
                    case .count(let count): String(count)
                    case .decimal(let text): HTML.escape(text)
                    case .null: ""
                    }
                }
            }
            let headers = report.columns.map { $0.kind == .money || $0.kind == .count ? "#" + $0.name : $0.name }
            return try await render(request, result: "<h2>Replay of claim \(HTML.escape(claim))</h2>" + HTML.table(caption: "The claim's events replayed", headers: headers, rows: rows, id: "replay"))
        } catch let error as CommandRejected {
            return try await render(request, result: "<p class=\"error\" role=\"alert\">\(HTML.escape(error.description))</p>", status: .unprocessableContent)
        } catch let error as ProjectionError {
            return try await render(request, result: "<p class=\"error\" role=\"alert\">\(HTML.escape(String(describing: error)))</p>", status: .unprocessableContent)
        }
    }
}
