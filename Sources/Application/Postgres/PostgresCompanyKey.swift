import EventStore
import Foundation
import Postgres

/// The company tenant's data key (`rcm_phi.data_keys`, wrapped by the operator's key-encryption key like every
/// practice's), which seals the people's TOTP secrets (decision 0018). Read and made through the server's and
/// owners' definer functions (Schema/V0019__totp_sealed.sql): staff can neither read it nor plant one. Made the
/// first time a secret is sealed; re-wrapped by `rcm admin keys rotate` with the practices' keys; never destroyed
/// by offboarding (only practices are offboarded).
enum PostgresCompanyKey {
    static let readSQL = SQL("company_data_key", "SELECT tenant_id, wrapped_key, kek_id FROM rcm.company_data_key()")
    static let addSQL = SQL("company_data_key_add", "SELECT tenant_id, wrapped_key, kek_id FROM rcm.add_company_data_key($1, $2)")

    /// The company and its data key, unwrapped; made first when `creating` and there is none yet.
    static func key(creating: Bool, wrapping: (any DataKeyWrapping)?, in session: DatabaseSession) throws -> (company: TenantID, key: DataKey) {
        guard let wrapping else { throw SealingError(KeyRing.notConfigured) }
        guard let row = try session.query(readSQL).first else {
            throw CommandRejected("the company is not configured (rcm company configure): its data key seals the second factors")
        }
        let company = try row.decode("tenant_id", as: TenantID.self)
        if let wrapped = try row.decodeIfPresent("wrapped_key", as: Data.self) {
            return (company, DataKey(try wrapping.unwrap([UInt8](wrapped), keyID: try row.decode("kek_id"), tenant: company)))
        }
        guard creating else {
            throw SealingError("the company has no data key, yet a second factor is sealed under one: the key was removed, so the factor cannot be opened")
        }
        let fresh = try wrapping.wrap(DataKey.random(), tenant: company)
        guard let stored = try session.query(addSQL, [fresh.wrapped, fresh.keyID]).first,
            let wrapped = try stored.decodeIfPresent("wrapped_key", as: Data.self)
        else { throw CommandRejected("the company's data key could not be stored") }
        return (company, DataKey(try wrapping.unwrap([UInt8](wrapped), keyID: try stored.decode("kek_id"), tenant: company)))
    }
}
