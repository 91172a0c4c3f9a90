import Foundation
import Postgres

/// The second factor of the server's sign-in (issue #24, decisions 0011 and 0018; Schema/V0014__second_factor.sql,
/// Schema/V0019__totp_sealed.sql): the TOTP secret is sealed under the company's data key, opened here and the code
/// checked in Swift; the database decides in the same transaction (the lock, each step once, the session's stage).
/// Recovery codes are compared as hashes by the database. Failures count towards the same lock as wrong passwords.
extension RevenueCycle {
    /// A second factor as typed.
    public enum SecondFactor: Sendable {
        /// Six digits from the authenticator app.
        case totp(String)
        /// One of the ten recovery codes.
        case recoveryCode(String)
    }

    /// Proves the second factor of a session waiting for one: the session becomes a full one, or the
    /// attempt is refused (recorded as `identity.second_factor_failed`) or the login is locked.
    public func proveSecondFactor(sessionToken token: String, _ factor: SecondFactor) async throws -> SignInOutcome {
        let backend = try postgres
        let wrapping = backend.wrapping
        let row: Row
        switch factor {
        case .totp(let code):
            let digits = PostgresTOTP.sixDigits(code)
            row = try await backend.withTransaction { session in
                let hash = SecretToken.hash(token)
                let step = try PostgresTOTP.matchedStep(tokenHash: hash, purpose: .signIn, code: digits, wrapping: wrapping, in: session)
                return try session.query(PostgresTOTP.proveSQL, [hash, SQLParameter(text: step.map { "\($0)" }), UUID()]).first!
            }
        case .recoveryCode(let code):
            // A code that cannot be one is still tried (and refused, and counted) as a hash no code has.
            let parameters: [any SQLBindable] = [
                SecretToken.hash(token), "recovery_code", SQLParameter.null, RecoveryCode.hash(code) ?? [UInt8](repeating: 0, count: 32), UUID(),
            ]
            row = try await backend.withTransaction { try $0.query(PostgresSecondFactor.proveSQL, parameters).first! }
        }
        return try Self.outcome(row, token: token)
    }

    /// Starts a TOTP enrolment for the person of a live session (a full one, or one the policy sent to
    /// enrol): a new secret, sealed under the company's data key before it is stored, and ten recovery codes,
    /// shown once. Nil when the session may not enrol.
    public func beginTOTPEnrolment(sessionToken token: String) async throws -> TOTPEnrolment? {
        let backend = try postgres
        let wrapping = backend.wrapping
        let secret = SecretToken.bytes(TOTPEnrolment.secretBytes)
        let codes = RecoveryCode.make()
        let hashes = codes.map { "\\x" + RecoveryCode.hash($0)!.map { String(format: "%02x", $0) }.joined() }
        let login: String? = try await backend.withTransaction { session in
            let hash = SecretToken.hash(token)
            guard let login = try PostgresTOTP.enrollingLogin(tokenHash: hash, in: session) else { return nil }
            let company = try PostgresCompanyKey.key(creating: true, wrapping: wrapping, in: session)
            let sealed = try TOTPSecretSeal.seal(secret, login: login, company: company.company, key: company.key)
            return try session.query(PostgresTOTP.beginSQL, [hash, login, sealed, SQLParameter.textArray(hashes)]).first?.decodeIfPresent("login")
        }
        return login.map { TOTPEnrolment(login: $0, secret: secret, recoveryCodes: codes) }
    }

    /// Confirms an enrolment with the first code the app shows; a session the policy sent to enrol becomes
    /// a full one. A wrong code is refused and recorded like any failed second factor.
    public func confirmTOTPEnrolment(sessionToken token: String, code: String) async throws -> SignInOutcome {
        let backend = try postgres
        let wrapping = backend.wrapping
        let digits = PostgresTOTP.sixDigits(code)
        let row = try await backend.withTransaction { session in
            let hash = SecretToken.hash(token)
            let step = try PostgresTOTP.matchedStep(tokenHash: hash, purpose: .confirm, code: digits, wrapping: wrapping, in: session)
            return try session.query(PostgresTOTP.confirmSQL, [hash, SQLParameter(text: step.map { "\($0)" }), UUID(), UUID()]).first!
        }
        return try Self.outcome(row, token: token)
    }

    static func outcome(_ row: Row, token: String) throws -> SignInOutcome {
        switch try row.decode("outcome", as: String.self) {
        case "signed_in":
            return .signedIn(SignedInSession(token: token, sessionID: UUID(), role: try row.decode("role"), expiresAt: try row.decode("expires_at")))
        case "locked": return .locked(retryAfter: try row.decodeIfPresent("retry_after") ?? 1)
        default: return .refused
        }
    }

    /// Who must prove a second factor (an owner's administration; `identity.second_factor_policy_set`).
    public func setSecondFactorPolicy(_ policy: SecondFactorPolicy) async throws {
        try await postgres.withTransaction { session in
            _ = try session.query(PostgresSecondFactor.setPolicySQL, [policy.rawValue, UUID()])
        }
    }

    /// The company's second-factor policy.
    public func secondFactorPolicy() async throws -> SecondFactorPolicy {
        let text: String = try await postgres.withTransaction { try $0.query(PostgresSecondFactor.policySQL).first!.decode("required_for") }
        return SecondFactorPolicy(rawValue: text) ?? .phiReaders
    }

    /// Removes a person's second factors and recovery codes and ends their sessions (`rcm staff mfa reset`,
    /// `identity.factors_reset`); the next sign-in enrols again. True when the person had a factor.
    public func resetSecondFactors(login: String) async throws -> Bool {
        try await postgres.withTransaction { try $0.query(PostgresSecondFactor.resetSQL, [login, UUID()]).first!.decode("had") }
    }

    /// Revokes a person's server access (`rcm staff revoke`, `identity.access_revoked`): their sessions end
    /// at once and the server may no longer act as them. Returns how many live sessions ended.
    public func revokeServerAccess(login: String) async throws -> Int {
        try await postgres.withTransaction { session in
            let ended: Int = try session.query(PostgresSecondFactor.revokeSQL, [login, UUID()]).first!.decode("ended")
            try session.query(PostgresSecondFactor.disableSQL, [login])
            return ended
        }
    }
}
