import EventStore
import Foundation
import Postgres

/// The server's credentials through the product's SQL functions (Schema/V0009__server_credentials.sql):
/// nobody reads the credential tables; these functions are the only way in.
enum PostgresIdentity {
    static let parametersSQL = SQL(
        "identity_parameters", "SELECT salt, cost, block_size, parallelism FROM rcm.sign_in_parameters($1)")
    static let signInSQL = SQL(
        "identity_sign_in",
        "SELECT outcome, role, retry_after FROM rcm.sign_in($1, $2, $3, $4, $5, $6::interval, $7::interval)")
    static let sessionRoleSQL = SQL("identity_session_role", "SELECT role, session_id FROM rcm.session_role($1)")
    static let signOutSQL = SQL("identity_sign_out", "SELECT rcm.sign_out($1) AS ended")
    static let keyRoleSQL = SQL(
        "identity_key_role", "SELECT role, array_to_string(actions, ',') AS actions FROM rcm.api_key_role($1, $2)")
    static let enableSQL = SQL("identity_enable", "SELECT rcm.enable_for_server($1)")
    static let setPasswordSQL = SQL("identity_set_password", "SELECT rcm.set_password($1, $2, $3, $4, $5, $6, $7)")
    static let createKeyRoleSQL = SQL("identity_create_key_role", "SELECT rcm.create_key_role($1)")
    static let dropKeyRoleSQL = SQL("identity_drop_key_role", "SELECT rcm.drop_key_role($1)")
    static let createKeySQL = SQL(
        "identity_create_key", "SELECT rcm.create_api_key($1, $2, $3, $4, $5::text[], $6::uuid[], $7)")
    static let revokeKeySQL = SQL("identity_revoke_key", "SELECT rcm.revoke_api_key($1, $2) AS role")
    static let listKeysSQL = SQL(
        "identity_list_keys",
        """
        SELECT key_id, role, label, array_to_string(actions, ',') AS actions, created_by, created_at, revoked_at
        FROM rcm.list_api_keys()
        """)

    /// The salt and parameters to compute a login's proof with (a decoy for an unknown login).
    static func parameters(login: String, in session: DatabaseSession) throws -> (salt: [UInt8], hashing: PasswordHashing) {
        let row = try session.query(parametersSQL, [login]).first!
        let salt: Data = try row.decode("salt")
        return (
            [UInt8](salt),
            PasswordHashing(cost: try row.decode("cost"), blockSize: try row.decode("block_size"), parallelism: try row.decode("parallelism"))
        )
    }

    static func interval(_ duration: Duration) -> String { "\(duration.components.seconds) seconds" }
}
