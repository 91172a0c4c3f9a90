import Application
import HTTPTypes
import Hummingbird

/// Finds who a request acts as: the session cookie (`rcm_session`), else `Authorization: Bearer` with a
/// session token or an API key (`rcm_<id>_<secret>`). Open routes (health, readiness, metrics, the
/// spec, sign-in) pass without; every other route needs a principal and answers 401 without one.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let core: RevenueCycle
    static let cookieName = "rcm_session"
    /// Routes without a principal: the second-factor routes take a session that is still waiting for its factor;
    /// the console's style sheet and its signed-out page; the console's sign-in pages (`SignInPages`).
    static let openPaths: Set<String> = Set([
        "/health", "/ready", "/metrics", "/openapi.yaml", "/sign-in", "/app/static/console.css", "/app/signed-out",
    ]).union(SecondFactorRoutes.paths).union(SignInPages.paths)

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        if let credential = Self.credential(of: request) {
            if credential.hasPrefix("rcm_"), APIKey(presented: credential) != nil {
                context.principal = try await core.principal(apiKey: credential)
            } else if credential.count <= 100 {
                context.principal = try await core.principal(sessionToken: credential)
                if context.principal != nil { context.sessionToken = credential }
            }
            if context.principal == nil, !Self.openPaths.contains(request.uri.path) {
                // The console's page for a session that ended (idle past the company's timeout, signed out, revoked):
                // the cookie cleared and a sentence with the way to sign in again. The API answers 401.
                if ConsoleErrorPage.covers(request.uri.path) { return ConsoleErrorPage.sessionEndedRedirect() }
                throw Problem.unauthenticated("the session ended or the key is not valid; sign in again")
            }
        } else if !Self.openPaths.contains(request.uri.path) {
            throw Problem.unauthenticated()
        }
        return try await next(request, context)
    }

    /// The bearer token or the session cookie's value.
    static func credential(of request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            return nil
        }
        return request.cookies[cookieName]?.value
    }
}
