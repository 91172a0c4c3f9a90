import Billing
import Foundation

/// The action forms a claim's status offers (the server decides again when one is posted): each labelled,
/// carrying the CSRF token and the claim's version, with a refused action's message beside its field and the
/// input kept. Voids and write-offs ask for a confirmation box.
struct ClaimActionForms {
    let session: ConsoleSession
    let claim: Claim.State
    let version: Int64
    let state: ClaimPage.FormState

    var html: String {
        var forms: [String] = []
        let open = claim.status != .voided && claim.status != .voidPending && claim.status != .closed
        if [.draft, .rejected].contains(claim.status) {
            forms.append(form("scrub", "Scrub", fields: [], button: "Scrub now"))
            if claim.readyToSubmit { forms.append(form("submit", "Submit", fields: [], button: "Submit to \(claim.payerID?.rawValue ?? "the payer")")) }
        }
        if !claim.openDenials.isEmpty {
            let denials = claim.openDenials.map(\.denialID.rawValue)
            forms.append(
                form(
                    "appeal", "Appeal a denial",
                    fields: [select("appeal", "denial", "Denial", denials), text("appeal", "reference", "Appeal reference (portal or letter number)")],
                    button: "Record the appeal"))
            forms.append(
                form(
                    "assign", "Assign a denial",
                    fields: [
                        select("assign", "denial", "Denial", denials), text("assign", "owner", "Owner (login)", placeholder: session.login),
                        text("assign", "due", "Appeal due (YYYY-MM-DD, optional)"),
                    ], button: "Assign"))
        }
        if open, claim.balance != .zero {
            forms.append(
                form(
                    "write-off", "Write off",
                    fields: [
                        text("write-off", "amount", "Amount (dollars and cents)"),
                        select("write-off", "reason", "Reason", WriteOffReason.allCases.map(\.rawValue)),
                        select("write-off", "side", "Side", ["insurance", "patient"]), confirm("write-off"),
                    ], button: "Write off"))
        }
        if correctable {
            forms.append(
                form(
                    "correct", "Correct a line (sent as a replacement once the payer has adjudicated the claim)",
                    fields: [
                        select("correct", "line", "Line", claim.lines.map(\.lineID.rawValue)),
                        text("correct", "code", "Procedure code (blank keeps it)"), text("correct", "units", "Units (blank keeps them)"),
                        text("correct", "charge", "Charge in dollars and cents (blank keeps it)"),
                        text("correct", "pointers", "Diagnosis pointers, e.g. 1,2 (blank keeps them)"),
                        text("correct", "pos", "Place of service of the session, e.g. 11 or 02 (blank keeps it)"),
                        text("correct", "reason", "Reason (recorded)"), confirm("correct"),
                    ], button: "Correct the claim"))
        }
        if open { forms.append(form("void", "Void", fields: [text("void", "reason", "Reason"), confirm("void")], button: "Void the claim")) }
        return forms.isEmpty ? "<p>Nothing to do on a \(HTML.escape(claim.status.rawValue)) claim.</p>" : forms.joined()
    }

    /// Whether the claim's status allows a correction (as `Claim.decide` does): a draft, a rejected claim, or one
    /// the payer has answered.
    private var correctable: Bool {
        if [.draft, .rejected, .adjudicated, .denied].contains(claim.status) { return true }
        return [.submitted, .acknowledged].contains(claim.status) && claim.adjudicatedPayerClaimNumber != nil
    }

    private var claimPath: String { session.url("/claims/\(claim.claimID?.rawValue ?? "")") }

    private func form(_ action: String, _ title: String, fields: [String], button: String) -> String {
        var html = "<form class=\"action\" method=\"post\" action=\"\(claimPath)/\(action)\" aria-labelledby=\"h-\(action)\">"
            + "<h3 id=\"h-\(action)\">\(HTML.escape(title))</h3>" + session.csrfInput
            + "<input type=\"hidden\" name=\"version\" value=\"\(version)\">" + fields.joined()
        if state.action == action, let error = state.error, state.values["_field"] == nil {
            html += "<p class=\"error\" role=\"alert\" id=\"\(action)-error\">\(HTML.escape(error))</p>"
        }
        return html + "<button type=\"submit\">\(HTML.escape(button))</button></form>"
    }

    /// The refusal's message when it concerns this field of this action.
    private func error(_ action: String, _ name: String) -> (attribute: String, html: String) {
        guard state.action == action, state.values["_field"] == name, let error = state.error else { return ("", "") }
        let id = "\(action)-\(name)-error"
        return (" aria-invalid=\"true\" aria-describedby=\"\(id)\"", "<p class=\"error\" role=\"alert\" id=\"\(id)\">\(HTML.escape(error))</p>")
    }

    private func kept(_ action: String, _ name: String) -> String {
        state.action == action ? HTML.escape(state.values[name] ?? "") : ""
    }

    private func text(_ action: String, _ name: String, _ label: String, placeholder: String? = nil) -> String {
        let problem = error(action, name)
        return "<div class=\"field\"><label for=\"\(action)-\(name)\">\(HTML.escape(label))</label><input id=\"\(action)-\(name)\" name=\"\(name)\" "
            + "value=\"\(kept(action, name))\"\(placeholder.map { " placeholder=\"\(HTML.escape($0))\"" } ?? "")\(problem.attribute)>\(problem.html)</div>"
    }

    private func select(_ action: String, _ name: String, _ label: String, _ options: [String]) -> String {
        let chosen = state.action == action ? state.values[name] : nil
        return "<div class=\"field\"><label for=\"\(action)-\(name)\">\(HTML.escape(label))</label><select id=\"\(action)-\(name)\" name=\"\(name)\">"
            + options.map { "<option value=\"\(HTML.escape($0))\"\($0 == chosen ? " selected" : "")>\(HTML.escape($0))</option>" }.joined()
            + "</select>\(error(action, name).html)</div>"
    }

    private func confirm(_ action: String) -> String {
        let problem = error(action, "confirm")
        return "<div class=\"field\"><input type=\"checkbox\" id=\"\(action)-confirm\" name=\"confirm\" value=\"yes\"\(problem.attribute)> "
            + "<label for=\"\(action)-confirm\">I confirm: this cannot be undone here</label>\(problem.html)</div>"
    }
}
