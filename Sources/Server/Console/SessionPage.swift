import Application
import Billing
import Foundation
import Hummingbird

/// A session not yet on a claim (from the home page's queue): what was logged, without its diagnoses, and the action
/// that resolves it: create its claim for one of the patient's payers, with a confirmation box. The claim is created
/// by the same command as `rcm claims create`; a refusal comes back beside its field with the input kept.
struct SessionPage {
    let session: ConsoleSession
    let sessionID: SessionID

    /// A session id as a URL path component (ids are the EHR's: letters, digits, `-`, `_`, `.` pass unchanged).
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? id
    }

    /// The session of the URL's `session` parameter.
    static func id(_ context: ServerContext) throws -> SessionID {
        let raw = try Wire.parameter("session", context, maxLength: 300)
        return SessionID(raw.removingPercentEncoding ?? raw)
    }

    func render(error: (field: String?, message: String)? = nil, values: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let found: SessionForClaim
        do {
            found = try await session.core.sessionForClaim(sessionID, tenant: session.tenant.slug)
        } catch is CommandRejected {
            throw Problem.notFound("session")  // none, or voided: the same page as another practice's
        }
        let record = found.record
        var body = "<h1>Session \(HTML.escape(sessionID.rawValue))</h1>"
        if let error, error.field == nil { body += "<p class=\"error\" role=\"alert\" id=\"claim-error\">\(HTML.escape(error.message))</p>" }
        let facts: [(String, String)] = [
            ("Patient key", record.patientKey.rawValue), ("Date of service", record.dateOfService.description), ("Provider", record.rendering.rawValue),
            ("Place of service", record.placeOfService), ("Minutes", String(record.minutes)),
            ("On a claim", found.waiting ? "not yet" : "yes"),
        ]
        body += "<dl class=\"facts\">" + facts.map { "<dt>\($0.0)</dt><dd>\(HTML.escape($0.1))</dd>" }.joined() + "</dl>"
        body += "<h2>Services</h2>" + HTML.table(
            caption: "What the session bills", headers: ["Code", "Modifiers", "#Units", "#Charge"],
            rows: record.lines.map { line in
                [HTML.escape(line.code), HTML.escape(line.modifiers.joined(separator: " ")), HTML.escape(line.units.description), HTML.money(line.charge.cents)]
            }, id: "services")
        body += "<h2>Action</h2>"
        body += found.waiting ? form(payers: found.payers, error: error, values: values) : "<p>This session is already on a claim.</p>"
        return session.page("Session \(sessionID.rawValue)", body, status: status)
    }

    /// `POST …/sessions/<id>/claim`: creates the claim and goes to it.
    func createClaim(_ form: FormBody) async throws -> Response {
        let slug = session.tenant.slug
        do {
            guard let payer = form["payer"], payer.count <= 60 else { throw ClaimActions.FieldError(field: "payer", message: "choose the payer") }
            let authorization = form["authorization"]
            guard (authorization?.count ?? 0) <= 50 else {
                throw ClaimActions.FieldError(field: "authorization", message: "authorization is at most 50 characters")
            }
            guard form["confirm"] == "yes" else { throw ClaimActions.FieldError(field: "confirm", message: "tick the box to confirm") }
            let found = try await session.core.sessionForClaim(sessionID, tenant: slug)
            guard found.waiting else { throw ClaimActions.FieldError(field: nil, message: "this session is already on a claim") }
            let claim = try await session.core.createClaim(
                CreateClaimRequest(
                    tenant: slug, patient: found.record.patientKey, payer: PayerID(payer), sessions: [sessionID], authorizationNumber: authorization))
            return ConsoleRoutes.redirect(session.url("/claims/\(claim.claimID?.rawValue ?? "")?done=claim"))
        } catch let error as ClaimActions.FieldError {
            return try await render(error: (error.field, error.message), values: form.values, status: .unprocessableContent)
        } catch let error as CommandRejected {
            return try await render(error: (nil, error.description), values: form.values, status: .unprocessableContent)
        }
    }

    private func form(payers: [PayerID], error: (field: String?, message: String)?, values: [String: String]) -> String {
        func problem(_ field: String) -> (attribute: String, html: String) {
            guard let error, error.field == field else { return ("", "") }
            return (" aria-invalid=\"true\" aria-describedby=\"claim-\(field)-error\"", "<p class=\"error\" role=\"alert\" id=\"claim-\(field)-error\">\(HTML.escape(error.message))</p>")
        }
        let chosen = values["payer"]
        let options = payers.map { $0.rawValue }
        let payerField = options.isEmpty
            ? "<input id=\"claim-payer\" name=\"payer\" value=\"\(HTML.escape(chosen ?? ""))\"\(problem("payer").attribute)>"
            : "<select id=\"claim-payer\" name=\"payer\"\(problem("payer").attribute)>"
                + options.map { "<option value=\"\(HTML.escape($0))\"\($0 == chosen ? " selected" : "")>\(HTML.escape($0))</option>" }.joined() + "</select>"
        return "<form class=\"action\" method=\"post\" action=\"\(session.url("/sessions/\(Self.pathComponent(sessionID.rawValue))/claim"))\" aria-labelledby=\"h-claim\">"
            + "<h3 id=\"h-claim\">Create the claim</h3>" + session.csrfInput
            + "<div class=\"field\"><label for=\"claim-payer\">Payer (the patient's coverages on the date, first to pay first)</label>\(payerField)\(problem("payer").html)</div>"
            + "<div class=\"field\"><label for=\"claim-authorization\">Prior authorization number (optional)</label>"
            + "<input id=\"claim-authorization\" name=\"authorization\" value=\"\(HTML.escape(values["authorization"] ?? ""))\"\(problem("authorization").attribute)>\(problem("authorization").html)</div>"
            + "<div class=\"field\"><input type=\"checkbox\" id=\"claim-confirm\" name=\"confirm\" value=\"yes\"\(problem("confirm").attribute)> "
            + "<label for=\"claim-confirm\">I confirm: create a claim for this session</label>\(problem("confirm").html)</div>"
            + "<button type=\"submit\">Create the claim</button></form>"
    }
}
