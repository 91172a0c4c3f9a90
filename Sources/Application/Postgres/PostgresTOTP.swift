import Foundation
import Postgres

/// The TOTP factor over PostgreSQL (Schema/V0019__totp_sealed.sql, decision 0018): the database hands the server a
/// live session's sealed secret and the step now, the server opens it under the company's data key and finds the
/// code's step, and the database decides (the lock, "each step once") in the same transaction.
enum PostgresTOTP {
    /// What a session asks the factor for.
    enum Purpose: String {
        /// Starting an enrolment: the person, no secret.
        case enrol
        /// Confirming an enrolment: the unconfirmed secret.
        case confirm
        /// Proving the factor at sign-in: the confirmed secret.
        case signIn = "sign_in"
    }

    static let factorSQL = SQL("totp_factor", "SELECT login, sealed, secret, last_step, step FROM rcm.totp_factor($1, $2)")
    static let beginSQL = SQL("totp_begin", "SELECT rcm.begin_totp_enrolment($1, $2, $3, $4::bytea[]) AS login")
    static let confirmSQL = SQL(
        "totp_confirm", "SELECT outcome, role, retry_after, expires_at FROM rcm.confirm_totp_enrolment($1, $2, $3, $4)")
    static let proveSQL = SQL("totp_prove", "SELECT outcome, role, retry_after, expires_at FROM rcm.prove_totp($1, $2, $3)")

    /// The person of a session that may enrol, or nil.
    static func enrollingLogin(tokenHash: [UInt8], in session: DatabaseSession) throws -> String? {
        try session.query(factorSQL, [tokenHash, Purpose.enrol.rawValue]).first?.decode("login")
    }

    /// The newest step of the window around now whose code `code` is, for the session's secret of `purpose`; nil when
    /// the session has no such secret, the code is not six digits, or no step matches. The secret is opened here and
    /// dropped with this call; neither it nor the code is logged or stored.
    static func matchedStep(tokenHash: [UInt8], purpose: Purpose, code: String?, wrapping: (any DataKeyWrapping)?, in session: DatabaseSession)
        throws -> Int64?
    {
        guard let row = try session.query(factorSQL, [tokenHash, purpose.rawValue]).first, let code else { return nil }
        let login: String = try row.decode("login")
        let secret: [UInt8]
        if let sealed = try row.decodeIfPresent("sealed", as: Data.self) {
            let company = try PostgresCompanyKey.key(creating: false, wrapping: wrapping, in: session)
            secret = try TOTPSecretSeal.open([UInt8](sealed), login: login, company: company.company, key: company.key)
        } else if let clear = try row.decodeIfPresent("secret", as: Data.self) {
            secret = [UInt8](clear)  // kept in clear before V0019, until `rcm admin keys rotate` seals it
        } else {
            return nil
        }
        let now = try row.decode("step", as: Int64.self)
        return TOTP(secret: secret).matchingStep(code, around: now)
    }

    /// Six ASCII digits (spaces dropped), or nil.
    static func sixDigits(_ typed: String) -> String? {
        let digits = typed.filter { !$0.isWhitespace }
        return digits.count == 6 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? digits : nil
    }
}
