import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// A claim: header (patient key; the name only after a person asks, the read recorded in the access log),
/// lines, scrubber results, adjudications, open denials, the history with the balance after each event and
/// who did it, and the actions the claim's status offers. A refused action comes back with the server's
/// message beside its field and the form's input kept.
struct ClaimPage {
    let session: ConsoleSession
    let claimID: ClaimID

    /// What a re-rendered form keeps: the action's name, its error, the values typed, and a notice.
    struct FormState {
        var action: String?
        var error: String?
        var values: [String: String] = [:]
        var notice: String?
        var patientName: String?
    }

    func render(_ state: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        let slug = session.tenant.slug
        let versioned = try await session.core.showVersionedClaim(claimID, tenant: slug, reason: "console: claim page")
        let claim = versioned.claim
        let history = try await session.core.claimHistory(claimID.rawValue, tenant: slug)
        let number = claim.claimNumber?.description ?? claimID.rawValue
        var body = "<h1>Claim \(HTML.escape(number))</h1>"
        if let notice = state.notice { body += "<p class=\"notice\" role=\"status\">\(HTML.escape(notice))</p>" }
        if let error = state.error, state.action == nil { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(error))</p>" }
        body += header(claim, version: versioned.version, state: state)
        body += "<h2>Lines</h2>" + HTML.table(
            caption: "Service lines", headers: ["Line", "Service", "Code", "Modifiers", "#Units", "#Charge", "Status"],
            rows: claim.lines.map { line in
                [
                    HTML.escape(line.lineID.description), HTML.escape(line.dateOfService.description), HTML.escape(line.code),
                    HTML.escape(line.modifiers.joined(separator: " ")), HTML.escape(line.units.description), HTML.money(line.charge.cents),
                    HTML.escape(claim.lineStatus[line.lineID]?.rawValue ?? ""),
                ]
            })
        body += "<h2>Scrubber results</h2>" + HTML.table(
            caption: claim.readyToSubmit ? "Last scrub passed" : "Findings of the last scrub", headers: ["Rule", "Severity", "Line", "Finding"],
            rows: claim.findings.map { finding in
                [HTML.escape(finding.ruleID), HTML.escape(String(describing: finding.severity)), HTML.escape(finding.lineID?.description ?? ""), HTML.escape(finding.message)]
            }, id: "findings")
        body += "<h2>Adjudications</h2>" + HTML.table(
            caption: "Every payer's answer", headers: ["Payer", "Order", "Date", "Payer claim number", "Status", "#Paid", "#Adjusted", "#Denied", "Reversed"],
            rows: claim.adjudications.map { record in
                let answer = record.adjudication
                return [
                    HTML.escape(answer.payerID.rawValue), HTML.escape(String(describing: record.payerOrder)), HTML.escape(answer.adjudicatedOn.description),
                    HTML.escape(answer.payerClaimNumber), HTML.escape(answer.statusCode), HTML.money(record.posting.paid.cents),
                    HTML.money(record.posting.adjustments.cents), HTML.money(record.posting.denied.cents), record.reversed ? "yes" : "no",
                ]
            })
        body += "<h2>Denials</h2>" + HTML.table(
            caption: "Open denials", headers: ["Denial", "Reason", "Meaning", "#Amount", "Owner", "Status", "Appeal due"],
            rows: claim.openDenials.map { denial in
                let reasons = denial.reasons.map { "\($0.group.rawValue)-\($0.reason)" }
                return [
                    HTML.escape(denial.denialID.rawValue), HTML.escape(reasons.joined(separator: " ")),
                    HTML.escape(reasons.map(AdjustmentCatalog.meaning(ofReason:)).joined(separator: "; ")), HTML.money(denial.amount.cents),
                    HTML.escape(denial.owner?.description ?? "unassigned"), HTML.escape(denial.status.rawValue), HTML.escape(denial.dueDate.description),
                ]
            }, id: "denials")
        body += "<h2>Actions</h2>" + ClaimActionForms(session: session, claim: claim, version: versioned.version, state: state).html
        body += "<h2>History</h2>" + historyTable(history)
        return session.page("Claim \(number)", body, status: status)
    }

    private func header(_ claim: Claim.State, version: Int64, state: FormState) -> String {
        let key = claim.patientKey?.description ?? ""
        var name = "<form method=\"post\" action=\"\(session.url("/claims/\(claimID.rawValue)/patient-name"))\">\(session.csrfInput)"
            + "<button type=\"submit\">Show the patient's name</button> <span>(the read is recorded in the access log)</span></form>"
        if let shown = state.patientName { name = "<span id=\"patient-name\">\(HTML.escape(shown))</span>" }
        if state.action == "patient-name", let error = state.error { name += "<p class=\"error\" role=\"alert\">\(HTML.escape(error))</p>" }
        let facts: [(String, String)] = [
            ("Status", HTML.escape(claim.status.rawValue)), ("Patient key", HTML.escape(key)), ("Patient", name),
            ("Payer", HTML.escape("\(claim.payerID?.rawValue ?? "") (\(String(describing: claim.payerOrder)))")),
            ("First service", HTML.escape(claim.firstDateOfService?.description ?? "")), ("Charges", "<span class=\"num\">\(HTML.money(claim.charges.cents))</span>"),
            ("Insurance balance", "<span class=\"num\">\(HTML.money(claim.insuranceBalance.cents))</span>"),
            ("Patient balance", "<span class=\"num\">\(HTML.money(claim.patientBalance.cents))</span>"),
            ("Version", String(version)),
        ]
        return "<dl class=\"facts\">" + facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
    }

    private func historyTable(_ report: Report) -> String {
        let index = Dictionary(uniqueKeysWithValues: report.columns.enumerated().map { ($0.element.name, $0.offset) })
        func cell(_ row: [Report.Value], _ name: String) -> String {
            guard let at = index[name] else { return "" }
            switch row[at] {
            case .text(let text): return name == "recorded" ? HTML.escape(HTML.moment(iso: text, timeZone: session.tenant.timeZone)) : HTML.escape(text)
            case .money(let cents): return HTML.money(cents)
            case .count(let value): return String(value)
            case .decimal(let text): return HTML.escape(text)
            case .null: return ""
            }
        }
        return HTML.table(
            caption: "Every event, with the balance after it (times in \(session.tenant.timeZone))",
            headers: ["Event", "Effective", "Recorded", "Who", "Source", "Reason", "#Insurance", "#Patient", "#Balance"],
            rows: report.rows.map { row in
                ["event", "effective", "recorded", "actor", "source", "reason", "insurance_balance", "patient_balance", "balance"].map { cell(row, $0) }
            }, id: "history")
    }
}
