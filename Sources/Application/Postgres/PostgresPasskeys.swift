import Postgres

/// Passkeys through the product's SQL functions (Schema/V0018__passkeys.sql). Credential ids travel as hex
/// text in lists (one column for the whole array).
enum PostgresPasskeys {
    static let beginSQL = SQL(
        "passkey_begin",
        "SELECT login, array_to_string(ARRAY(SELECT encode(c, 'hex') FROM unnest(credential_ids) c), ',') AS ids FROM rcm.begin_passkey_ceremony($1, $2, $3)")
    static let takeChallengeSQL = SQL("passkey_take_challenge", "SELECT rcm.take_passkey_challenge($1, $2) AS challenge")
    static let addSQL = SQL("passkey_add", "SELECT rcm.add_passkey($1, $2, $3, $4, $5, $6, $7, $8) AS outcome")
    static let removeSQL = SQL("passkey_remove", "SELECT rcm.remove_passkey($1, $2, $3) AS removed")
    static let listSQL = SQL(
        "passkey_list",
        "SELECT credential_id, algorithm, attestation_format, user_verified, created_at, last_used_at FROM rcm.session_passkeys($1)")
    static let keySQL = SQL("passkey_key", "SELECT public_key, sign_count FROM rcm.passkey_for_sign_in($1, $2)")
    static let proveSQL = SQL(
        "passkey_prove", "SELECT outcome, role, retry_after, expires_at FROM rcm.prove_passkey($1, $2, $3, $4, $5)")
}
