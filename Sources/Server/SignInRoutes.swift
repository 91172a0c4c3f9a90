import Application
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /sign-in` (login and password → a session: its token in an HttpOnly, Secure, SameSite=Strict
/// cookie and in the body for bearer use) and `POST /sign-out`.
struct SignInRoutes {
    let core: RevenueCycle
    let policy: SessionPolicy

    func add(to routes: RouteTable) {
        routes.add(.post, "/sign-in") { request, context in
            let body = try await JSONObject.read(request, context: context, allowed: ["login", "password"])
            let login = try body.string("login", maxLength: 63)
            let password = try body.string("password", maxLength: 1024)
            switch try await core.signIn(login: login, password: password, policy: policy) {
            case .signedIn(let session):
                let maxAge = policy.lifetime.components.seconds
                var headers = HTTPFields()
                headers[.setCookie] =
                    "\(AuthenticationMiddleware.cookieName)=\(session.token); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Strict"
                headers[.cacheControl] = "no-store"
                return JSONResponse.make(
                    ["token": session.token, "role": session.role, "expiresAt": Wire.timestamp(session.expiresAt)], headers: headers)
            case .refused:
                throw Problem.unauthenticated("the login or the password is wrong")
            case .locked(let seconds):
                var problem = Problem(
                    status: .tooManyRequests, title: "Locked", detail: "too many failed sign-ins; try again in \(seconds) s", rule: "locked")
                problem.headers[.retryAfter] = String(seconds)
                throw problem
            }
        }
        routes.add(.post, "/sign-out") { _, context in
            _ = try context.requirePrincipal()
            if let token = context.sessionToken { _ = try await core.signOut(sessionToken: token) }
            var headers = HTTPFields()
            headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
            return Response(status: .noContent, headers: headers)
        }
    }
}
