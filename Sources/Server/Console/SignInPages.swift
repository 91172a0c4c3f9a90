import Application
import Foundation
import HTTPTypes
import Hummingbird

/// The console's sign-in in the browser (issue 24 item 1, issue 18 item 1): `/app/sign-in` (login and
/// password), then, when the person has a second factor, `/app/sign-in/second-factor` (a TOTP code, a recovery
/// code or a passkey), or, when the company's policy needs one they lack, `/app/sign-in/enrol` (TOTP: QR code,
/// secret and recovery codes shown once). The session is the JSON API's (`SignInRoutes`): its token in the
/// HttpOnly cookie, at stage `second_factor` or `enrol` until the factor completes it. Forms carry a CSRF token:
/// of a random pre-session cookie on the password form, of the session's token afterwards.
struct SignInPages {
    let core: RevenueCycle
    let policy: SessionPolicy
    let passkeys: PasskeyEndpoint

    static let preSessionCookie = "rcm_signin"
    static let paths: Set<String> = [
        "/app/sign-in", "/app/sign-in/second-factor", "/app/sign-in/enrol", "/app/sign-in/enrol/confirm", "/app/sign-in/passkey/options",
        "/app/sign-in/passkey", "/app/static/passkey.js",
    ]

    func add(to router: Router<ServerContext>) {
        let (core, policy, passkeys) = (core, policy, passkeys)
        router.get("/app/static/passkey.js") { _, _ in
            var headers = ConsoleLayout.securityHeaders
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PasskeyScript.source)))
        }
        router.get("/app/sign-in") { _, _ in
            let presession = SecretToken.make()
            return SignInForms.page(
                "Sign in", SignInForms.password(csrf: CSRFToken.input(forSession: presession)),
                cookies: ["\(Self.preSessionCookie)=\(presession); Path=/app/sign-in; Max-Age=900; HttpOnly; Secure; SameSite=Strict"])
        }
        router.post("/app/sign-in") { request, context in
            let form = try await FormBody.read(request, context: context)
            let presession = request.cookies[Self.preSessionCookie]?.value
            guard CSRFToken.verify(form[CSRFToken.field], session: presession), let presession else { throw Self.staleForm }
            let login = String((form["login"] ?? "").prefix(63))
            let csrf = CSRFToken.input(forSession: presession)
            switch try await core.signIn(login: login, password: form.values["password"].map { String($0.prefix(1024)) } ?? "", policy: policy) {
            case .signedIn(let session): return Self.redirect("/app", cookie: Self.cookie(session.token, maxAge: policy.lifetime.components.seconds))
            case .secondFactorRequired(let session): return Self.redirect("/app/sign-in/second-factor", cookie: Self.cookie(session.token, maxAge: 300))
            case .enrolmentRequired(let session): return Self.redirect("/app/sign-in/enrol", cookie: Self.cookie(session.token, maxAge: 300))
            case .refused:
                return SignInForms.page(
                    "Sign in", SignInForms.password(csrf: csrf, login: login, error: "The login or the password is wrong."), status: .unauthorized)
            case .locked(let seconds):
                return SignInForms.page(
                    "Sign in", SignInForms.password(csrf: csrf, login: login, error: "Too many failed sign-ins: try again in \(seconds) s."),
                    status: .tooManyRequests)
            }
        }
        router.get("/app/sign-in/second-factor") { request, _ in
            let token = try Self.pendingToken(request)
            return PasskeyEndpoint.allowingFetch(
                SignInForms.page(
                    "Second factor", SignInForms.secondFactor(csrf: CSRFToken.input(forSession: token), csrfToken: CSRFToken.token(forSession: token))))
        }
        router.post("/app/sign-in/second-factor") { request, context in
            let token = try Self.pendingToken(request)
            let form = try await Self.form(request, context: context, token: token)
            let factor: RevenueCycle.SecondFactor
            if let code = form["totp"] { factor = .totp(String(code.prefix(12))) } else { factor = .recoveryCode(String((form["recoveryCode"] ?? "").prefix(40))) }
            let outcome = try await core.proveSecondFactor(sessionToken: token, factor)
            if case .signedIn = outcome { return Self.redirect("/app", cookie: Self.cookie(token, maxAge: policy.lifetime.components.seconds)) }
            let sentence = Self.refusal(outcome, factor: factor)
            let isTOTP = form["totp"] != nil
            return PasskeyEndpoint.allowingFetch(
                SignInForms.page(
                    "Second factor",
                    SignInForms.secondFactor(
                        csrf: CSRFToken.input(forSession: token), csrfToken: CSRFToken.token(forSession: token), totpError: isTOTP ? sentence : nil,
                        recoveryError: isTOTP ? nil : sentence),
                    status: Self.status(outcome)))
        }
        router.get("/app/sign-in/enrol") { request, _ in
            let token = try Self.pendingToken(request)
            return SignInForms.page("Set up a second factor", SignInForms.enrolStart(csrf: CSRFToken.input(forSession: token)))
        }
        router.post("/app/sign-in/enrol") { request, context in
            let token = try Self.pendingToken(request)
            _ = try await Self.form(request, context: context, token: token)
            let csrf = CSRFToken.input(forSession: token)
            guard let enrolment = try await core.beginTOTPEnrolment(sessionToken: token) else {
                return SignInForms.page(
                    "Set up a second factor", SignInForms.enrolStart(csrf: csrf, error: "This session may not enrol a second factor; sign in again."),
                    status: .unauthorized)
            }
            return SignInForms.page(
                "Scan the QR code", SignInForms.enrolConfirm(csrf: csrf, uri: enrolment.uri, secret: enrolment.secret, codes: enrolment.recoveryCodes))
        }
        router.post("/app/sign-in/enrol/confirm") { request, context in
            let token = try Self.pendingToken(request)
            let form = try await Self.form(request, context: context, token: token)
            let outcome = try await core.confirmTOTPEnrolment(sessionToken: token, code: String((form["code"] ?? "").prefix(12)))
            let codes = (form["codes"] ?? "").split(separator: " ").prefix(RecoveryCode.count).map(String.init)
            if case .signedIn = outcome {
                return SignInForms.page(
                    "Recovery codes", SignInForms.recoveryCodes(codes), cookies: [Self.cookie(token, maxAge: policy.lifetime.components.seconds)])
            }
            let uri = form["uri"].flatMap { $0.hasPrefix("otpauth://totp/") && $0.count <= 300 ? $0 : nil } ?? ""
            return SignInForms.page(
                "Scan the QR code",
                SignInForms.enrolConfirm(
                    csrf: CSRFToken.input(forSession: token), uri: uri, secret: String((form["secret"] ?? "").prefix(64)), codes: codes,
                    error: Self.refusal(outcome, factor: .totp(""))),
                status: Self.status(outcome))
        }
        router.post("/app/sign-in/passkey/options") { request, _ in
            let token = try Self.pendingToken(request)
            guard CSRFToken.verify(request.headers[PasskeyEndpoint.csrfHeader], session: token) else { return PasskeyEndpoint.error(.forbidden, "the page is stale; reload it") }
            guard let party = passkeys.relyingParty(request) else {
                return PasskeyEndpoint.error(.badRequest, "passkeys work only on \(passkeys.rpID), the console's configured host")
            }
            guard let ceremony = try await core.beginPasskeySignIn(sessionToken: token) else {
                return PasskeyEndpoint.error(.unauthorized, "this session is not waiting for a second factor; sign in again")
            }
            guard !ceremony.credentialIDs.isEmpty else { return PasskeyEndpoint.error(.conflict, "you have no passkey yet: use your code, then add one") }
            return JSONResponse.make(ceremony.requestOptions(relyingParty: party), headers: [.cacheControl: "no-store"])
        }
        router.post("/app/sign-in/passkey") { request, context in
            let token = try Self.pendingToken(request)
            guard CSRFToken.verify(request.headers[PasskeyEndpoint.csrfHeader], session: token) else { return PasskeyEndpoint.error(.forbidden, "the page is stale; reload it") }
            guard let party = passkeys.relyingParty(request) else { return PasskeyEndpoint.error(.badRequest, "the console is not served on its passkeys' host") }
            guard let answer = try await PasskeyEndpoint.Answer.read(request, context: context, fields: ["authenticatorData", "signature"]) else {
                return PasskeyEndpoint.error(.badRequest, "the passkey's answer is malformed")
            }
            let (outcome, refusal) = try await core.provePasskey(
                sessionToken: token, credentialID: answer.id, clientDataJSON: answer.clientDataJSON, authenticatorData: answer["authenticatorData"],
                signature: answer["signature"], relyingParty: party)
            switch outcome {
            case .signedIn:
                var response = JSONResponse.make(["next": "/app"], headers: [.cacheControl: "no-store"])
                response.headers[.setCookie] = Self.cookie(token, maxAge: policy.lifetime.components.seconds)
                return response
            case .locked(let seconds): return PasskeyEndpoint.error(.tooManyRequests, "too many failed sign-ins: try again in \(seconds) s")
            default: return PasskeyEndpoint.error(.unauthorized, refusal ?? "the passkey was refused; sign in again")
            }
        }
    }

    static let staleForm = Problem(status: .forbidden, title: "Forbidden", detail: "the form is stale or not from this console; reload the page", rule: "csrf")

    /// The session cookie of a token.
    static func cookie(_ token: String, maxAge: Int64) -> String {
        "\(AuthenticationMiddleware.cookieName)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Strict"
    }

    /// The session token of the cookie (a session waiting for its factor, or a complete one); else a 401 page.
    static func pendingToken(_ request: Request) throws -> String {
        guard let token = AuthenticationMiddleware.credential(of: request), token.count <= 100, APIKey(presented: token) == nil else {
            throw Problem.unauthenticated("sign in with your password first")
        }
        return token
    }

    static func form(_ request: Request, context: ServerContext, token: String) async throws -> FormBody {
        let form = try await FormBody.read(request, context: context)
        guard CSRFToken.verify(form[CSRFToken.field], session: token) else { throw staleForm }
        return form
    }

    static func redirect(_ location: String, cookie: String) -> Response {
        var response = ConsoleRoutes.redirect(location)
        response.headers[.setCookie] = cookie
        return response
    }

    /// The sentence beside the field for a refused factor.
    static func refusal(_ outcome: SignInOutcome, factor: RevenueCycle.SecondFactor) -> String {
        switch outcome {
        case .locked(let seconds): return "Too many failed attempts: try again in \(seconds) s."
        default:
            if case .recoveryCode = factor { return "That recovery code is wrong or was used already." }
            return "That code is wrong, expired or used already; or the five minutes to sign in are over (start again)."
        }
    }

    static func status(_ outcome: SignInOutcome) -> HTTPResponse.Status {
        if case .locked = outcome { return .tooManyRequests }
        return .unauthorized
    }
}
