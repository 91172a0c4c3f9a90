import Application
import EventStore
import Foundation
import Hummingbird

/// Who a console request acts as: the signed-in person (a session, never an API key), the core acting as
/// them, the practices the database lets them see, and the practice of the URL when there is one (else a 404
/// that does not say whether it exists).
struct ConsoleSession: Sendable {
    let login: String
    let sessionToken: String
    let core: RevenueCycle
    let practices: [Tenant]
    let practice: Tenant?

    /// The session of a request; `practice` names the URL's parameter to resolve.
    static func of(_ context: ServerContext, core: RevenueCycle, resolvePractice: Bool = true) async throws -> ConsoleSession {
        let principal = try context.requirePrincipal()
        guard let token = context.sessionToken else {
            throw Problem(status: .forbidden, title: "Forbidden", detail: "the console is for people signed in, not for API keys", rule: "session-required")
        }
        let acting = try core.acting(as: principal.role)
        let practices = try await acting.tenants().filter { $0.kind == .practice }.sorted { $0.slug < $1.slug }
        var practice: Tenant?
        if resolvePractice {
            let name = try Wire.parameter("practice", context)
            guard let found = practices.first(where: { $0.slug == name }) else { throw Problem.notFound("practice \(name)") }
            practice = found
        }
        return ConsoleSession(login: principal.role, sessionToken: token, core: acting, practices: practices, practice: practice)
    }

    /// The URL's practice (resolved by `of`).
    var tenant: Tenant {
        guard let practice else { preconditionFailure("a practice page without a practice") }
        return practice
    }

    /// `/app/p/<slug>` plus `path`.
    func url(_ path: String = "") -> String { "/app/p/\(tenant.slug)\(path)" }

    /// The form's CSRF input.
    var csrfInput: String { CSRFToken.input(forSession: sessionToken) }

    /// A posted form, once its CSRF token checks; else a 403.
    func form(_ request: Request, context: ServerContext) async throws -> FormBody {
        let form = try await FormBody.read(request, context: context)
        guard CSRFToken.verify(form[CSRFToken.field], session: sessionToken) else {
            throw Problem(status: .forbidden, title: "Forbidden", detail: "the form is stale or not from this console; reload the page", rule: "csrf")
        }
        return form
    }

    /// A page in the console's layout.
    func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        ConsoleLayout(session: self).response(title: title, body: body, status: status)
    }
}
