import Application
import Billing
import Foundation
import Hummingbird
import Projections

/// A practice's home: the work queues with their counts, each row linking to the page that resolves it.
/// The denial queue can be filtered by owner and payer and sorted; a denial can be taken from the queue.
struct WorkQueuePage {
    let session: ConsoleSession
    static let rowLimit = 50

    func render(_ request: Request) async throws -> Response {
        let core = session.core
        let slug = session.tenant.slug
        let owner = queryText(request, "owner")
        let payer = queryText(request, "payer")
        let sort = queryText(request, "sort") ?? "due"

        // Drafts whose last scrub found errors (a corrected claim included), chosen in SQL: not the first 500 drafts filtered.
        let drafts = try await core.queueClaims(tenant: slug, statuses: [.draft], lastScrubFailed: true, limit: 500)
        let failing = try await core.claimStates(drafts.prefix(Self.rowLimit).map { ClaimID($0.claimID) }, tenant: slug)
        let rejected = try await core.queueClaims(tenant: slug, statuses: [.rejected], limit: 500)
        let denialReport = try await core.denialWorklist(DenialWorklistFilter(tenant: slug, owner: owner, payer: payer))
        let denials = DenialRow.rows(of: denialReport, sortedBy: sort)
        let shownNumbers: [String] = Array(Set(denials.prefix(Self.rowLimit).map { (row: DenialRow) in row.claim }))
        let denialClaims: [WorkQueueClaims.Row] = try await core.queueClaims(
            tenant: slug, statuses: Claim.Status.allCases, claimNumbers: shownNumbers, limit: Self.rowLimit)
        var claimIDs: [String: String] = [:]
        for claim in denialClaims { claimIDs[claim.claimNumber] = claim.claimID }
        var unapplied: [(PaymentReconciliation, RemittanceLedger.Item)] = []
        for deposit in try await core.depositList(tenant: slug, unappliedOnly: true, limit: Self.rowLimit) {
            for payment in try await core.remittance(trace: deposit.traceNumber, tenant: slug) where payment.ledger.received?.payerID.rawValue == deposit.payerID {
                unapplied += payment.ledger.items.filter { $0.state == .open || $0.state == .held }.map { (payment, $0) }
            }
        }
        let unanswered = try await core.unansweredQueue(tenant: slug, days: 30)
        let sessionsQueue = UnclaimedSessionsQueue(session: session, request: request)
        let sessions = try await sessionsQueue.load(limit: Self.rowLimit)

        var body = "<h1>Work queues: \(HTML.escape(slug))</h1>"
        let counts: [(String, String, Int)] = [
            ("queue-scrub", "Failing the scrubber", drafts.count), ("queue-rejected", "Rejected by 999 or 277CA", rejected.count),
            ("queue-denials", "Denials", denials.count), ("queue-unapplied", "Unapplied remittance", unapplied.count),
            ("queue-unanswered", "Unanswered 30+ days", unanswered.count), ("queue-sessions", "Sessions not on a claim", sessions.total),
        ]
        body += "<ul class=\"counts\" aria-label=\"Queue counts\">"
            + counts.map { "<li><a href=\"#\($0.0)\"><strong>\($0.2)</strong> \(HTML.escape($0.1))</a></li>" }.joined()
            + "<li>\(HTML.link(session.url("/alerts"), "Alerts (deadlines)"))</li></ul>"

        body += """
            <form class="inline" method="get" action="\(session.url("/claims"))" aria-label="Find a claim">
            <div><label for="find-claim">Claim number</label><input id="find-claim" name="number"></div><button type="submit">Open the claim</button></form>
            """
        body += "<h2 id=\"queue-scrub\">Failing the scrubber</h2>"
        body += HTML.table(
            caption: "Draft claims whose last scrub found an error", headers: ["Claim", "Service", "Payer", "Rule", "Finding", "#Charges"],
            rows: zip(drafts.prefix(Self.rowLimit), failing).map { row, state in
                let errors = state.findings.filter { $0.severity == .error }
                return [
                    claimLink(row.claimID, row.claimNumber), HTML.escape(row.serviceDate), HTML.escape(row.payerID),
                    HTML.escape(errors.map(\.ruleID).joined(separator: " ")), HTML.escape(errors.map(\.message).joined(separator: " ")),
                    HTML.money(row.charges),
                ]
            }, id: "scrub-table")

        body += "<h2 id=\"queue-rejected\">Rejected by 999 or 277CA</h2>"
        body += HTML.table(
            caption: "Claims to fix and send again", headers: ["Claim", "Service", "Payer", "Submitted", "#Charges"],
            rows: rejected.prefix(Self.rowLimit).map { row in
                [claimLink(row.claimID, row.claimNumber), HTML.escape(row.serviceDate), HTML.escape(row.payerID), HTML.escape(row.submittedOn ?? ""), HTML.money(row.charges)]
            })

        body += "<h2 id=\"queue-denials\">Denials by appeal due date</h2>" + denialFilter(owner: owner, payer: payer, sort: sort)
        body += HTML.table(
            caption: "Open denials", headers: ["Claim", "Payer", "Reason", "Meaning", "#Amount", "Owner", "Due", "#Days left", "Take"],
            rows: denials.prefix(Self.rowLimit).map { denial in
                let id = claimIDs[denial.claim]
                return [
                    id.map { claimLink($0, denial.claim) } ?? HTML.escape(denial.claim), HTML.escape(denial.payer), HTML.escape(denial.reason),
                    HTML.escape(denial.meaning), HTML.money(denial.amount), HTML.escape(denial.owner ?? "unassigned"), HTML.escape(denial.due),
                    String(denial.daysLeft), id.map { takeForm(claimID: $0, denial: denial) } ?? "",
                ]
            }, id: "denial-table")

        body += "<h2 id=\"queue-unapplied\">Unapplied remittance</h2>"
        body += HTML.table(
            caption: "835 money not on a claim", headers: ["Deposit", "Payer", "Item", "Patient control number", "State", "#Paid"],
            rows: unapplied.prefix(Self.rowLimit).map { payment, item in
                let trace = payment.ledger.received?.traceNumber ?? ""
                return [
                    HTML.link(session.url("/deposits/\(DepositPage.pathComponent(trace))"), trace), HTML.escape(payment.ledger.received?.payerID.rawValue ?? ""),
                    HTML.escape(item.itemID), HTML.escape(item.entry.patientControlNumber), HTML.escape(item.state.rawValue), HTML.money(item.entry.paid.cents),
                ]
            }, id: "unapplied-table")

        body += "<h2 id=\"queue-unanswered\">Unanswered claims</h2>"
        body += HTML.table(
            caption: "Sent 30 or more days ago, not yet adjudicated", headers: ["Claim", "Service", "Payer", "Submitted", "Status", "#Charges"],
            rows: unanswered.prefix(Self.rowLimit).map { row in
                [
                    claimLink(row.claimID, row.claimNumber), HTML.escape(row.serviceDate), HTML.escape(row.payerID), HTML.escape(row.submittedOn ?? ""),
                    HTML.escape(row.status), HTML.money(row.charges),
                ]
            }, id: "unanswered-table")

        body += sessionsQueue.html(sessions.rows)

        body += "<p>Queues show at most \(Self.rowLimit) rows each, oldest first.</p>"
        return session.page("Work queues", body)
    }

    private func claimLink(_ id: String, _ number: String) -> String { HTML.link(session.url("/claims/\(id)"), number) }

    private func denialFilter(owner: String?, payer: String?, sort: String) -> String {
        let sorts = [("due", "Due date"), ("amount", "Amount, largest first"), ("payer", "Payer")]
        return """
            <form class="inline" method="get" action="\(session.url())" aria-label="Filter denials">
            <div><label for="f-owner">Owner</label><input id="f-owner" name="owner" value="\(HTML.escape(owner ?? ""))" placeholder="login or unassigned"></div>
            <div><label for="f-payer">Payer</label><input id="f-payer" name="payer" value="\(HTML.escape(payer ?? ""))"></div>
            <div><label for="f-sort">Sort</label><select id="f-sort" name="sort">\(sorts.map { "<option value=\"\($0.0)\"\($0.0 == sort ? " selected" : "")>\($0.1)</option>" }.joined())</select></div>
            <button type="submit">Filter</button></form>
            """
    }

    private func takeForm(claimID: String, denial: DenialRow) -> String {
        guard denial.owner != session.login else { return "yours" }
        return """
            <form method="post" action="\(session.url("/claims/\(claimID)/assign"))">\(session.csrfInput)
            <input type="hidden" name="denial" value="\(HTML.escape(denial.denial))"><input type="hidden" name="owner" value="\(HTML.escape(session.login))">
            <input type="hidden" name="back" value="queue"><button type="submit" aria-label="Take denial \(HTML.escape(denial.denial)) of claim \(HTML.escape(denial.claim))">Take</button></form>
            """
    }
}

/// One row of the denial worklist report, typed.
struct DenialRow {
    let claim: String
    let denial: String
    let payer: String
    let reason: String
    let meaning: String
    let amount: Int64
    let owner: String?
    let status: String
    let due: String
    let daysLeft: Int64

    static func rows(of report: Report, sortedBy sort: String) -> [DenialRow] {
        let index = Dictionary(uniqueKeysWithValues: report.columns.enumerated().map { ($0.element.name, $0.offset) })
        func text(_ row: [Report.Value], _ name: String) -> String? {
            guard let at = index[name], case .text(let value) = row[at] else { return nil }
            return value
        }
        func number(_ row: [Report.Value], _ name: String) -> Int64 {
            guard let at = index[name] else { return 0 }
            switch row[at] {
            case .money(let value), .count(let value): return value
            default: return 0
            }
        }
        let rows = report.rows.map { row in
            DenialRow(
                claim: text(row, "claim") ?? "", denial: text(row, "denial") ?? "", payer: text(row, "payer") ?? "", reason: text(row, "reason") ?? "",
                meaning: text(row, "meaning") ?? "", amount: number(row, "amount"), owner: text(row, "owner"), status: text(row, "status") ?? "",
                due: text(row, "due") ?? "", daysLeft: number(row, "days_left"))
        }
        switch sort {
        case "amount": return rows.sorted { $0.amount > $1.amount }
        case "payer": return rows.sorted { ($0.payer, $0.due) < ($1.payer, $1.due) }
        default: return rows
        }
    }
}
