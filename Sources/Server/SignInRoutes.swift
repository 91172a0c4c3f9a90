import Application
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /sign-in` (login and password → a session: its token in an HttpOnly, Secure, SameSite=Strict
/// cookie and in the body for bearer use) and `POST /sign-out`. When the person has a second factor, or
/// the company's policy needs one, the session answered is at stage `second_factor` or `enrol`: its token
/// works only on the second-factor routes (`SecondFactorRoutes`) for five minutes.
struct SignInRoutes {
    let core: RevenueCycle
    let policy: SessionPolicy

    func add(to routes: RouteTable) {
        routes.add(.post, "/sign-in") { request, context in
            let body = try await JSONObject.read(request, context: context, allowed: ["login", "password"])
            let login = try body.string("login", maxLength: 63)
            let password = try body.string("password", maxLength: 1024)
            return try Self.answer(try await core.signIn(login: login, password: password, policy: policy), policy: policy)
        }
        routes.add(.post, "/sign-out") { _, context in
            _ = try context.requirePrincipal()
            if let token = context.sessionToken { _ = try await core.signOut(sessionToken: token) }
            var headers = HTTPFields()
            headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
            return Response(status: .noContent, headers: headers)
        }
    }

    /// The answer to a sign-in step: the session (complete or waiting), or a 401 / 429 problem.
    static func answer(_ outcome: SignInOutcome, policy: SessionPolicy) throws -> Response {
        switch outcome {
        case .signedIn(let session):
            return reply(session, stage: "complete", maxAge: policy.lifetime.components.seconds)
        case .secondFactorRequired(let session):
            return reply(session, stage: "second_factor", maxAge: 300)
        case .enrolmentRequired(let session):
            return reply(session, stage: "enrol", maxAge: 300)
        case .refused:
            throw Problem.unauthenticated("the login, the password or the second factor is wrong")
        case .locked(let seconds):
            var problem = Problem(
                status: .tooManyRequests, title: "Locked", detail: "too many failed sign-ins; try again in \(seconds) s", rule: "locked")
            problem.headers[.retryAfter] = String(seconds)
            throw problem
        }
    }

    static func reply(_ session: SignedInSession, stage: String, maxAge: Int64) -> Response {
        var headers = HTTPFields()
        headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=\(session.token); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Strict"
        headers[.cacheControl] = "no-store"
        return JSONResponse.make(
            ["token": session.token, "role": session.role, "stage": stage, "expiresAt": Wire.timestamp(session.expiresAt)], headers: headers)
    }
}
