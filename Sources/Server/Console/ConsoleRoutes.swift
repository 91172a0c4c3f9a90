import Application
import Billing
import Foundation
import HTTPTypes
import Hummingbird

/// The console under `/app`: server-rendered pages over the application facade, acting as the signed-in
/// person. Not in docs/openapi.yaml (pages, not the API), so added to the router directly.
struct ConsoleRoutes {
    let core: RevenueCycle

    func add(to router: Router<ServerContext>) {
        let core = core
        router.get("/app/static/console.css") { _, _ in
            var headers = ConsoleLayout.securityHeaders
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: ConsoleStyle.css)))
        }
        router.get("/app/signed-out") { request, _ in ConsoleErrorPage.signedOut(ended: queryText(request, "ended") == "session") }
        router.get("/app") { _, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            if session.practices.count == 1 { return Self.redirect("/app/p/\(session.practices[0].slug)") }
            return try await CompanyPage(session: session).render()
        }
        router.get("/app/switch") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            let wanted = queryText(request, "practice") ?? ""
            guard let practice = session.practices.first(where: { $0.slug == wanted }) else { throw Problem.notFound("practice") }
            return Self.redirect("/app/p/\(practice.slug)")
        }
        router.post("/app/sign-out") { request, context in
            let session = try await ConsoleSession.of(context, core: core, resolvePractice: false)
            _ = try await session.form(request, context: context)
            _ = try await core.signOut(sessionToken: session.sessionToken)
            var response = Self.redirect("/app/signed-out")
            response.headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
            return response
        }
        router.get("/app/p/{practice}") { request, context in
            try await WorkQueuePage(session: try await ConsoleSession.of(context, core: core)).render(request)
        }
        router.get("/app/p/{practice}/claims") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let number = queryText(request, "number") ?? ""
            let found = number.count <= 40 ? try await session.core.queueClaims(
                tenant: session.tenant.slug, statuses: Claim.Status.allCases, claimNumbers: [number], limit: 1) : []
            guard let claim = found.first else { throw Problem.notFound("claim") }
            return Self.redirect(session.url("/claims/\(claim.claimID)"))
        }
        router.get("/app/p/{practice}/claims/{claim}") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let done = queryText(request, "done")
            let notice = done.flatMap { Self.doneNotices[$0] }
            return try await ClaimPage(session: session, claimID: ClaimID(try Wire.parameter("claim", context))).render(.init(notice: notice))
        }
        router.post("/app/p/{practice}/claims/{claim}/{action}") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let form = try await session.form(request, context: context)
            let id = ClaimID(try Wire.parameter("claim", context))
            return try await ClaimActions(session: session, claimID: id).perform(try Wire.parameter("action", context), form: form)
        }
        router.get("/app/p/{practice}/sessions/{session}") { _, context in
            let session = try await ConsoleSession.of(context, core: core)
            return try await SessionPage(session: session, sessionID: try SessionPage.id(context)).render()
        }
        router.post("/app/p/{practice}/sessions/{session}/claim") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let form = try await session.form(request, context: context)
            return try await SessionPage(session: session, sessionID: try SessionPage.id(context)).createClaim(form)
        }
        router.get("/app/p/{practice}/alerts") { _, context in
            try await AlertsPage(session: try await ConsoleSession.of(context, core: core)).render()
        }
        router.get("/app/p/{practice}/deposits") { _, context in
            try await DepositPage(session: try await ConsoleSession.of(context, core: core)).list()
        }
        router.get("/app/p/{practice}/deposits/{trace}") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let done = queryText(request, "done").flatMap { Self.doneNotices[$0] }
            return try await DepositPage(session: session).show(trace: try Wire.parameter("trace", context, maxLength: 50), done: done)
        }
        router.post("/app/p/{practice}/deposits/{trace}/{action}") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let form = try await session.form(request, context: context)
            return try await DepositPage(session: session).perform(
                trace: try Wire.parameter("trace", context, maxLength: 50), action: try Wire.parameter("action", context), form: form)
        }
        router.get("/app/p/{practice}/reports/{report}") { request, context in
            try await ReportPage(session: try await ConsoleSession.of(context, core: core)).render(try Wire.parameter("report", context), request)
        }
        router.get("/app/p/{practice}/audit") { request, context in
            try await AuditPage(session: try await ConsoleSession.of(context, core: core)).render(request)
        }
        router.post("/app/p/{practice}/audit/verify") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            _ = try await session.form(request, context: context)
            return try await AuditPage(session: session).verify(request)
        }
        router.post("/app/p/{practice}/audit/replay") { request, context in
            let session = try await ConsoleSession.of(context, core: core)
            let form = try await session.form(request, context: context)
            return try await AuditPage(session: session).replay(request, form: form)
        }
    }

    /// What a page says after a redirect from a successful action (`?done=`): fixed sentences, never echoed input.
    static let doneNotices = [
        "scrub": "Scrubbed.", "submit": "Submitted: the 837P is written.", "appeal": "Appeal recorded.", "assign": "Denial assigned.",
        "write-off": "Written off.", "void": "Voided.", "correct": "Corrected: scrub it and submit it again.", "claim": "Claim created from the session: scrub it and submit it.", "apply": "applied to the claim", "hold": "held", "refund": "refund recorded",
    ]

    static func redirect(_ location: String) -> Response {
        var headers = ConsoleLayout.securityHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
