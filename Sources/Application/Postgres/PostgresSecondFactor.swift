import Postgres

/// Recovery codes, the policy and access changes through the product's SQL functions (Schema/V0014__second_factor.sql;
/// TOTP codes: `PostgresTOTP`).
enum PostgresSecondFactor {
    static let proveSQL = SQL(
        "factor_prove", "SELECT outcome, role, retry_after, expires_at FROM rcm.prove_second_factor($1, $2, $3, $4, $5)")
    static let setPolicySQL = SQL("factor_set_policy", "SELECT rcm.set_second_factor_policy($1, $2)")
    static let policySQL = SQL("factor_policy", "SELECT rcm.second_factor_policy() AS required_for")
    static let resetSQL = SQL("factor_reset", "SELECT rcm.reset_second_factors($1, $2) AS had")
    static let revokeSQL = SQL("access_revoke", "SELECT rcm.revoke_server_access($1, $2) AS ended")
    static let disableSQL = SQL("access_disable", "SELECT rcm.disable_for_server($1)")
}
