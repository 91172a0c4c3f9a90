import Application
import Foundation
import HTTPTypes
import Hummingbird

/// `/app/passkeys`: the signed-in person's passkeys (when added, last used, format; never a key), a button
/// that adds one (WebAuthn registration through /app/static/passkey.js) and a form that removes one
/// (`identity.factor_removed`). Also the link to set up an authenticator app again.
struct PasskeysPage {
    let core: RevenueCycle
    let passkeys: PasskeyEndpoint

    func add(to router: Router<ServerContext>) {
        let (core, passkeys) = (core, passkeys)
        router.get("/app/passkeys") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            let notice = queryText(request, "done").flatMap { ["added": "Passkey added.", "removed": "Passkey removed."][$0] }
            return try await Self.render(session, core: core, notice: notice)
        }
        router.post("/app/passkeys/remove") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            let form = try await session.form(request, context: context)
            guard let id = form["credential"].flatMap(Hex.bytes), try await core.removePasskey(sessionToken: session.sessionToken, credentialID: id) else {
                return try await Self.render(session, core: core, error: "That passkey is not one of yours.", status: .notFound)
            }
            return ConsoleRoutes.redirect("/app/passkeys?done=removed")
        }
        router.post("/app/passkeys/options") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            guard CSRFToken.verify(request.headers[PasskeyEndpoint.csrfHeader], session: session.sessionToken) else {
                return PasskeyEndpoint.error(.forbidden, "the page is stale; reload it")
            }
            guard let party = passkeys.relyingParty(request) else {
                return PasskeyEndpoint.error(.badRequest, "passkeys work only on \(passkeys.rpID), the console's configured host")
            }
            guard let ceremony = try await core.beginPasskeyRegistration(sessionToken: session.sessionToken) else {
                return PasskeyEndpoint.error(.unauthorized, "sign in again to add a passkey")
            }
            return JSONResponse.make(ceremony.creationOptions(relyingParty: party), headers: [.cacheControl: "no-store"])
        }
        router.post("/app/passkeys") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            guard CSRFToken.verify(request.headers[PasskeyEndpoint.csrfHeader], session: session.sessionToken) else {
                return PasskeyEndpoint.error(.forbidden, "the page is stale; reload it")
            }
            guard let party = passkeys.relyingParty(request) else { return PasskeyEndpoint.error(.badRequest, "the console is not served on its passkeys' host") }
            guard let answer = try await PasskeyEndpoint.Answer.read(request, context: context, fields: ["attestationObject"]) else {
                return PasskeyEndpoint.error(.badRequest, "the passkey's answer is malformed")
            }
            switch try await core.addPasskey(
                sessionToken: session.sessionToken, clientDataJSON: answer.clientDataJSON, attestationObject: answer["attestationObject"],
                relyingParty: party)
            {
            case .added: return JSONResponse.make(["next": "/app/passkeys?done=added"], status: .created, headers: [.cacheControl: "no-store"])
            case .duplicate: return PasskeyEndpoint.error(.conflict, "this passkey is registered already")
            case .refused(let sentence): return PasskeyEndpoint.error(.unprocessableContent, sentence)
            }
        }
    }

    static func render(_ session: ConsoleSession, core: RevenueCycle, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let keys = try await core.passkeys(sessionToken: session.sessionToken)
        let rows = keys.map { key in
            [
                HTML.escape(HTML.moment(key.createdAt, timeZone: "UTC")), HTML.escape(key.lastUsedAt.map { HTML.moment($0, timeZone: "UTC") } ?? "never"),
                key.algorithm == -7 ? "ES256" : "RS256", HTML.escape(key.attestationFormat), key.userVerified ? "yes" : "no",
                """
                <form method="post" action="/app/passkeys/remove">\(session.csrfInput)<input type="hidden" name="credential" value="\(Hex.string(key.credentialID))">\
                <button type="submit">Remove</button></form>
                """,
            ]
        }
        let body = """
            <h1>Your passkeys</h1>\(notice.map { "<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? "")\
            \(error.map { "<p class=\"alert\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
            \(HTML.table(caption: "Passkeys", headers: ["Added", "Last used", "Algorithm", "Attestation", "Verified person", "Remove"], rows: rows, id: "passkeys"))
            <div class="action"><button type="button" id="passkey-add" data-csrf="\(CSRFToken.token(forSession: session.sessionToken))">Add a passkey</button>
            <p class="error" id="passkey-error" role="alert"></p></div>
            <script src="/app/static/passkey.js"></script>
            """
        return PasskeyEndpoint.allowingFetch(session.page("Passkeys", body, status: status))
    }
}
