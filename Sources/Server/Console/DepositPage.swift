import Application
import Billing
import Foundation
import Hummingbird

/// Deposits (835 payments): the list, and one payment with every claim it posted, its PLB lines, what is
/// unapplied and the reconciliation identity BPR02 = Σ claim payments − Σ PLB; with apply, hold and refund
/// for each open item (the facade's reconciliation commands).
struct DepositPage {
    let session: ConsoleSession

    /// A trace number as a URL path component.
    static func pathComponent(_ trace: String) -> String {
        trace.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? trace
    }

    func list() async throws -> Response {
        let payments = try await session.core.depositList(tenant: session.tenant.slug, unappliedOnly: false, limit: 200)
        let body = "<h1>Deposits: \(HTML.escape(session.tenant.slug))</h1>" + HTML.table(
            caption: "The newest 200 835 payments", headers: ["Trace", "Payer", "Paid on", "#Amount", "#Posted to claims", "#Open", "#Held", "State"],
            rows: payments.map { payment in
                [
                    HTML.link(session.url("/deposits/\(Self.pathComponent(payment.traceNumber))"), payment.traceNumber), HTML.escape(payment.payerID),
                    HTML.escape(payment.paymentDate ?? ""), HTML.money(payment.amount), HTML.money(payment.postedAmount), HTML.money(payment.unappliedOpen),
                    HTML.money(payment.unappliedHeld), HTML.escape(payment.state + (payment.reconciles ? "" : ", does not reconcile")),
                ]
            }, id: "deposits")
        return session.page("Deposits", body)
    }

    func show(trace: String, error: (item: String, field: String?, message: String)? = nil, values: [String: String] = [:], done: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let payments: [PaymentReconciliation]
        do {
            payments = try await session.core.remittance(trace: trace, tenant: session.tenant.slug)
        } catch is CommandRejected {
            throw Problem.notFound("deposit \(trace)")
        }
        var body = "<h1>Deposit \(HTML.escape(trace))</h1>"
        if let done { body += "<p class=\"notice\" role=\"status\">Done: \(HTML.escape(done)).</p>" }
        for payment in payments {
            let ledger = payment.ledger
            let payer = ledger.received?.payerID.rawValue ?? ""
            body += "<h2>Payment from \(HTML.escape(payer))</h2><dl class=\"facts\">"
            body += [
                ("Paid on", HTML.escape(ledger.received?.paymentDate?.description ?? "")), ("Method", HTML.escape(ledger.received?.method ?? "")),
                ("Amount (BPR02)", HTML.money(ledger.statedAmount.cents)), ("State", HTML.escape(ledger.state.rawValue)),
            ].map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
            let identity = "BPR02 \(HTML.money(ledger.statedAmount.cents)) = claim payments \(HTML.money(ledger.claimPayments.cents)) − PLB \(HTML.money(ledger.providerAdjustmentTotal.cents)) = \(HTML.money(ledger.computedAmount.cents))"
            body += "<p id=\"identity\" class=\"\(ledger.reconciles ? "ok" : "error")\">\(identity): \(ledger.reconciles ? "reconciles" : "does not reconcile")</p>"
            let numbers = (ledger.received?.postedClaims ?? []).map(\.claimNumber.description)
            let claims = numbers.isEmpty ? [] : try await session.core.queueClaims(tenant: session.tenant.slug, statuses: Claim.Status.allCases, claimNumbers: numbers, limit: numbers.count)
            var ids: [String: String] = [:]
            for claim in claims { ids[claim.claimNumber] = claim.claimID }
            body += HTML.table(
                caption: "Claims posted", headers: ["Claim", "Status", "Payer claim number", "#Charge", "#Paid", "#Patient responsibility"],
                rows: (ledger.received?.postedClaims ?? []).map { posted in
                    let number = posted.claimNumber.description
                    return [
                        ids[number].map { HTML.link(session.url("/claims/\($0)"), number) } ?? HTML.escape(number), HTML.escape(posted.statusCode),
                        HTML.escape(posted.payerClaimNumber ?? ""), HTML.money(posted.charge.cents), HTML.money(posted.paid.cents),
                        HTML.money(posted.patientResponsibility?.cents ?? 0),
                    ]
                })
            body += HTML.table(
                caption: "Provider-level adjustments (PLB)", headers: ["Reason", "Reference", "Fiscal period", "Claim", "#Amount"],
                rows: ledger.providerAdjustments.map { plb in
                    [HTML.escape(plb.reason), HTML.escape(plb.reference ?? ""), HTML.escape(plb.fiscalPeriodDate.description), HTML.escape(plb.claimNumber?.description ?? ""), HTML.money(plb.amount.cents)]
                })
            body += HTML.table(
                caption: "Unapplied", headers: ["Item", "Patient control number", "Status code", "#Paid", "State", "Note"],
                rows: ledger.items.map { item in
                    [
                        HTML.escape(item.itemID), HTML.escape(item.entry.patientControlNumber), HTML.escape(item.entry.statusCode), HTML.money(item.entry.paid.cents),
                        HTML.escape(item.state.rawValue), HTML.escape(item.note ?? ""),
                    ]
                }, id: "unapplied")
            for item in ledger.items where item.state == .open || item.state == .held {
                body += itemForms(trace: trace, payer: payer, item: item, error: error?.item == item.itemID ? error : nil, values: values)
            }
        }
        return session.page("Deposit \(trace)", body, status: status)
    }

    private func itemForms(trace: String, payer: String, item: RemittanceLedger.Item, error: (item: String, field: String?, message: String)?, values: [String: String]) -> String {
        let base = session.url("/deposits/\(Self.pathComponent(trace))")
        let prefix = "item-\(item.itemID)"
        func message(_ action: String, _ field: String) -> (String, String) {
            guard let error, values["action"] == action, (error.field ?? "") == field else { return ("", "") }
            let id = "\(prefix)-\(action)-error"
            return (" aria-invalid=\"true\" aria-describedby=\"\(id)\"", "<p class=\"error\" role=\"alert\" id=\"\(id)\">\(HTML.escape(error.message))</p>")
        }
        func kept(_ action: String, _ field: String) -> String { values["action"] == action ? HTML.escape(values[field] ?? "") : "" }
        func form(_ action: String, _ title: String, field: String, label: String, button: String) -> String {
            let problem = message(action, field)
            let general = message(action, "")
            return """
                <form class="action" method="post" action="\(base)/\(action)" aria-labelledby="\(prefix)-\(action)-h"><h3 id="\(prefix)-\(action)-h">\(HTML.escape(title)) item \(HTML.escape(item.itemID))</h3>
                \(session.csrfInput)<input type="hidden" name="item" value="\(HTML.escape(item.itemID))"><input type="hidden" name="payer" value="\(HTML.escape(payer))">
                <div class="field"><label for="\(prefix)-\(action)-\(field)">\(HTML.escape(label))</label><input id="\(prefix)-\(action)-\(field)" name="\(field)" value="\(kept(action, field))"\(problem.0)>\(problem.1)</div>
                \(general.1)<button type="submit">\(HTML.escape(button))</button></form>
                """
        }
        return "<h3>Item \(HTML.escape(item.itemID)): \(HTML.money(item.entry.paid.cents)) for \(HTML.escape(item.entry.patientControlNumber))</h3>"
            + form("apply", "Apply", field: "claim", label: "Claim number to apply it to", button: "Apply")
            + (item.state == .open ? form("hold", "Hold", field: "reason", label: "Why it is held", button: "Hold") : "")
            + form("refund", "Refund", field: "reference", label: "Refund check number or payer reference", button: "Record the refund")
    }

    /// Apply, hold or refund an unapplied item; a refusal comes back beside the field with the input kept.
    func perform(trace: String, action: String, form: FormBody) async throws -> Response {
        let slug = session.tenant.slug
        let item = form["item"] ?? ""
        var values = form.values
        values["action"] = action
        values[CSRFToken.field] = nil
        do {
            switch action {
            case "apply":
                guard let text = form["claim"] else { return try await show(trace: trace, error: (item, "claim", "claim is required"), values: values, status: .unprocessableContent) }
                guard let number = ClaimNumber(text) else { return try await show(trace: trace, error: (item, "claim", "claim must be a claim number"), values: values, status: .unprocessableContent) }
                _ = try await session.core.applyUnapplied(item: item, trace: trace, payer: form["payer"], to: number, tenant: slug, reason: "console: applied by a person")
            case "hold":
                guard let reason = form["reason"] else { return try await show(trace: trace, error: (item, "reason", "reason is required"), values: values, status: .unprocessableContent) }
                try await session.core.holdUnapplied(item: item, trace: trace, payer: form["payer"], tenant: slug, reason: reason)
            case "refund":
                try await session.core.refundUnapplied(item: item, trace: trace, payer: form["payer"], reference: form["reference"] ?? "", tenant: slug)
            default:
                throw Problem.notFound("action \(action)")
            }
        } catch let rejected as CommandRejected {
            let field = ["apply": "claim", "hold": "reason", "refund": "reference"][action]
            return try await show(trace: trace, error: (item, field, rejected.description), values: values, status: .unprocessableContent)
        }
        var headers = ConsoleLayout.securityHeaders
        headers[.location] = session.url("/deposits/\(Self.pathComponent(trace))?done=\(action)")
        return Response(status: .seeOther, headers: headers)
    }
}
