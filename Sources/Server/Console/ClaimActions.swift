import Application
import Billing
import Foundation
import Hummingbird

/// The claim page's posted actions. Each checks the CSRF token, calls one facade command as the signed-in
/// person, and answers with a redirect to the claim (or the queue) on success, or the claim page again with
/// the refusal beside the field and the input kept (422).
struct ClaimActions {
    let session: ConsoleSession
    let claimID: ClaimID
    /// Where 837P files written by a submission go (`RCM_OUTBOX`, else a directory under the temporary one).
    static var outbox: URL {
        if let path = ProcessInfo.processInfo.environment["RCM_OUTBOX"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("rcm-outbox")
    }

    /// A refusal that names the form field it concerns.
    struct FieldError: Error {
        let field: String?
        let message: String
    }

    func perform(_ action: String, form: FormBody) async throws -> Response {
        let slug = session.tenant.slug
        let core = session.core
        do {
            switch action {
            case "scrub":
                _ = try await core.act(on: claimID, .scrub, expected: try version(form), tenant: slug)
            case "submit":
                let claim = try await core.claimStates([claimID], tenant: slug)[0]
                guard let payer = claim.payerID else { throw FieldError(field: nil, message: "the claim has no payer") }
                try FileManager.default.createDirectory(at: Self.outbox, withIntermediateDirectories: true)
                let result = try await core.submitClaims(SubmitClaimsRequest(tenant: slug, payer: payer, only: [claimID], directory: Self.outbox))
                guard result != nil else { throw FieldError(field: nil, message: "the claim is not ready to submit: scrub it first") }
            case "appeal":
                let denial = try required(form, "denial")
                let reference = try required(form, "reference")
                try await core.appealDenial(DenialID(denial), claim: claimID, reference: reference, tenant: slug)
            case "assign":
                let denial = try required(form, "denial")
                let owner = form["owner"] ?? session.login
                let due = try form["due"].map { text in
                    guard let date = LocalDate(text) else { throw FieldError(field: "due", message: "due must be a date, YYYY-MM-DD") }
                    return date
                }
                try await core.assignDenial(DenialID(denial), claim: claimID, owner: StaffID(owner), due: due, tenant: slug)
                if form["back"] == "queue" { return redirect(session.url("#queue-denials")) }
            case "write-off":
                let text = try required(form, "amount")
                guard let amount = Money(parsing: text), amount > .zero else { throw FieldError(field: "amount", message: "amount must be dollars and cents above zero, e.g. 25.00") }
                guard let reason = WriteOffReason(rawValue: form["reason"] ?? "") else { throw FieldError(field: "reason", message: "choose a reason") }
                guard let side = BalanceSide(rawValue: form["side"] ?? "") else { throw FieldError(field: "side", message: "choose a side") }
                try confirmation(form)
                try await core.writeOff(amount, claim: claimID, reason: reason, side: side, denial: nil, tenant: slug)
            case "correct":
                let correction = try LineCorrectionInput(form: form).correction()
                let reason = try required(form, "reason")
                try confirmation(form)
                _ = try await core.correctClaimLine(claimID, correction, reason: reason, expected: try version(form), tenant: slug)
            case "void":
                let reason = try required(form, "reason")
                try confirmation(form)
                _ = try await core.act(on: claimID, .void(reason: reason), expected: try version(form), tenant: slug)
            case "patient-name":
                let claim = try await core.claimStates([claimID], tenant: slug)[0]
                guard let key = claim.patientKey else { throw FieldError(field: nil, message: "the claim has no patient") }
                let view = try await core.showPatient(key, tenant: slug, reason: "console: name on claim page")
                let name = view.identity.map { "\($0.firstName) \($0.lastName)" } ?? "(identity destroyed)"
                return try await ClaimPage(session: session, claimID: claimID).render(.init(action: action, patientName: name))
            default:
                throw Problem.notFound("action \(action)")
            }
            return redirect(session.url("/claims/\(claimID.rawValue)?done=\(action)"))
        } catch let error as FieldError {
            return try await refusal(action, field: error.field, message: error.message, form: form)
        } catch let error as CommandRejected {
            return try await refusal(action, field: nil, message: error.description, form: form)
        } catch let error as StaleVersion {
            return try await refusal(action, field: nil, message: error.description, form: form)
        }
    }

    private func refusal(_ action: String, field: String?, message: String, form: FormBody) async throws -> Response {
        var values = form.values
        values[CSRFToken.field] = nil
        values["_field"] = field
        return try await ClaimPage(session: session, claimID: claimID).render(
            .init(action: action, error: message, values: values), status: .unprocessableContent)
    }

    private func required(_ form: FormBody, _ name: String) throws -> String {
        guard let value = form[name] else { throw FieldError(field: name, message: "\(name) is required") }
        guard value.count <= 200 else { throw FieldError(field: name, message: "\(name) is at most 200 characters") }
        return value
    }

    private func confirmation(_ form: FormBody) throws {
        guard form["confirm"] == "yes" else { throw FieldError(field: "confirm", message: "tick the box to confirm") }
    }

    private func version(_ form: FormBody) throws -> Int64? {
        guard let text = form["version"] else { return nil }
        guard let version = Int64(text) else { throw FieldError(field: nil, message: "the form's version is not a number; reload the page") }
        return version
    }

    private func redirect(_ location: String) -> Response {
        var headers = ConsoleLayout.securityHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
