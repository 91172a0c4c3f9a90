import Foundation
import Postgres

/// The second factor of the server's sign-in (issue #24, decision 0011; Schema/V0014__second_factor.sql):
/// TOTP and recovery codes are checked by the database, which keeps the secret; the server only passes
/// the code and the session token's hash. Failures count towards the same lock as wrong passwords.
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
        let parameters: [any SQLBindable]
        switch factor {
        case .totp(let code):
            let digits = code.filter { !$0.isWhitespace }
            let valid = digits.count == 6 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
            parameters = [SecretToken.hash(token), "totp", SQLParameter(text: valid ? digits : nil), SQLParameter(binary: nil), UUID()]
        case .recoveryCode(let code):
            // A code that cannot be one is still tried (and refused, and counted) as a hash no code has.
            parameters = [SecretToken.hash(token), "recovery_code", SQLParameter.null, RecoveryCode.hash(code) ?? [UInt8](repeating: 0, count: 32), UUID()]
        }
        let row = try await postgres.withTransaction { try $0.query(PostgresSecondFactor.proveSQL, parameters).first! }
        return try Self.outcome(row, token: token)
    }

    /// Starts a TOTP enrolment for the person of a live session (a full one, or one the policy sent to
    /// enrol): a new secret and ten recovery codes, shown once. Nil when the session may not enrol.
    public func beginTOTPEnrolment(sessionToken token: String) async throws -> TOTPEnrolment? {
        let secret = SecretToken.bytes(TOTPEnrolment.secretBytes)
        let codes = RecoveryCode.make()
        let hashes = codes.map { "\\x" + RecoveryCode.hash($0)!.map { String(format: "%02x", $0) }.joined() }
        let login: String? = try await postgres.withTransaction { session in
            try session.query(PostgresSecondFactor.beginSQL, [SecretToken.hash(token), secret, SQLParameter.textArray(hashes)])
                .first?.decodeIfPresent("login")
        }
        return login.map { TOTPEnrolment(login: $0, secret: secret, recoveryCodes: codes) }
    }

    /// Confirms an enrolment with the first code the app shows; a session the policy sent to enrol becomes
    /// a full one. A wrong code is refused and recorded like any failed second factor.
    public func confirmTOTPEnrolment(sessionToken token: String, code: String) async throws -> SignInOutcome {
        let digits = code.filter { !$0.isWhitespace }
        let valid = digits.count == 6 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
        let row = try await postgres.withTransaction {
            try $0.query(PostgresSecondFactor.confirmSQL, [SecretToken.hash(token), SQLParameter(text: valid ? digits : nil), UUID(), UUID()]).first!
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
