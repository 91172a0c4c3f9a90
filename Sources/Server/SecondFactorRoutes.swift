import Application
import Foundation
import HTTPTypes
import Hummingbird

/// The second factor (decision 0011): `POST /sign-in/second-factor` proves a TOTP code or a recovery code
/// for a session at stage `second_factor`; `POST /second-factor/totp` starts an enrolment (secret, otpauth
/// URI, its QR code as SVG and ten recovery codes, shown once) and `POST /second-factor/totp/confirm` finishes it with the first
/// code. They take the session token of the sign-in (bearer or cookie), complete or waiting; the database
/// decides what that session may do.
struct SecondFactorRoutes {
    let core: RevenueCycle
    let policy: SessionPolicy
    static let paths: Set<String> = ["/sign-in/second-factor", "/second-factor/totp", "/second-factor/totp/confirm"]

    func add(to routes: RouteTable) {
        routes.add(.post, "/sign-in/second-factor") { request, context in
            let token = try Self.token(request)
            let body = try await JSONObject.read(request, context: context, allowed: ["totp", "recoveryCode"])
            let factor: RevenueCycle.SecondFactor
            let totp = try body.optionalString("totp", maxLength: 12)
            let recoveryCode = try body.optionalString("recoveryCode", maxLength: 40)
            switch (totp, recoveryCode) {
            case (let code?, nil): factor = .totp(code)
            case (nil, let code?): factor = .recoveryCode(code)
            default: throw Problem.invalid("totp", "one-of", "give totp (six digits) or recoveryCode, not both")
            }
            return try SignInRoutes.answer(try await core.proveSecondFactor(sessionToken: token, factor), policy: policy)
        }
        routes.add(.post, "/second-factor/totp") { request, _ in
            let token = try Self.token(request)
            guard let enrolment = try await core.beginTOTPEnrolment(sessionToken: token) else {
                throw Problem.unauthenticated("this session may not enrol a second factor; sign in again")
            }
            return JSONResponse.make(
                ["secret": enrolment.secret, "uri": enrolment.uri, "qrSVG": enrolment.qrSVG, "recoveryCodes": enrolment.recoveryCodes], headers: [.cacheControl: "no-store"])
        }
        routes.add(.post, "/second-factor/totp/confirm") { request, context in
            let token = try Self.token(request)
            let body = try await JSONObject.read(request, context: context, allowed: ["code"])
            let outcome = try await core.confirmTOTPEnrolment(sessionToken: token, code: try body.string("code", maxLength: 12))
            return try SignInRoutes.answer(outcome, policy: policy)
        }
    }

    /// The session token presented (bearer or cookie); an API key has no second factor.
    static func token(_ request: Request) throws -> String {
        guard let token = AuthenticationMiddleware.credential(of: request), token.count <= 100, APIKey(presented: token) == nil else {
            throw Problem.unauthenticated("sign in with a password first (POST /sign-in) and send its token")
        }
        return token
    }
}
