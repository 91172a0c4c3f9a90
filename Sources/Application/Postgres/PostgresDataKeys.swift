import Crypto
import EventStore
import Foundation
import Postgres

/// The practices' data keys in `rcm_phi.data_keys`, wrapped; unwrapped once per transaction and tenant.
///
/// A key is created the first time a practice's PHI is sealed (`INSERT … ON CONFLICT DO NOTHING`, then read
/// back, so two first writers agree on one key). Keys are kept for the transaction only: a key the transaction
/// created is forgotten if it rolls back, and an offboarded practice's key is not kept alive in a process.
final class PostgresDataKeys {
    let wrapping: (any DataKeyWrapping)?
    private var unwrapped: [TenantID: DataKey] = [:]

    init(wrapping: (any DataKeyWrapping)?) {
        self.wrapping = wrapping
    }

    /// Through the PHI store's function (staff hold no SELECT on the PHI store, V0011).
    static let selectSQL = SQL("phi_data_key_select", "SELECT wrapped_key, kek_id FROM rcm_phi.data_key($1)")
    /// No conflict target: naming one needs SELECT on the table, which staff do not hold (V0011).
    static let insertSQL = SQL(
        "phi_data_key_insert", "INSERT INTO rcm_phi.data_keys (tenant_id, wrapped_key, kek_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
    static let deleteSQL = SQL("phi_data_key_delete", "DELETE FROM rcm_phi.data_keys WHERE tenant_id = $1")

    /// The wrapping, or the sentence that says none is configured.
    func requireWrapping() throws -> any DataKeyWrapping {
        guard let wrapping else { throw SealingError(KeyRing.notConfigured) }
        return wrapping
    }

    /// The practice's data key; created when `creating` and there is none yet, else nil when there is none.
    func key(for tenant: TenantID, creating: Bool, in session: DatabaseSession) throws -> DataKey? {
        if let key = unwrapped[tenant] { return key }
        let wrapping = try requireWrapping()
        if let key = try read(tenant, wrapping: wrapping, in: session) { return key }
        guard creating else { return nil }
        let fresh = try wrapping.wrap(DataKey.random(), tenant: tenant)
        try session.execute(Self.insertSQL, [tenant.sqlParameter, fresh.wrapped.sqlParameter, fresh.keyID.sqlParameter])
        return try read(tenant, wrapping: wrapping, in: session)
    }

    /// The data key of a practice that must have one (its PHI is sealed).
    func existingKey(for tenant: TenantID, in session: DatabaseSession) throws -> DataKey {
        guard let key = try key(for: tenant, creating: false, in: session) else {
            throw SealingError("practice \(tenant) has no data key (it was destroyed when the practice was offboarded): its sealed PHI cannot be read")
        }
        return key
    }

    /// Unwraps a practice's key read along with a record (unless this transaction has it already).
    func adopt(wrapped: [UInt8], keyID: String, tenant: TenantID) throws {
        guard unwrapped[tenant] == nil else { return }
        unwrapped[tenant] = DataKey(try requireWrapping().unwrap(wrapped, keyID: keyID, tenant: tenant))
    }

    private func read(_ tenant: TenantID, wrapping: any DataKeyWrapping, in session: DatabaseSession) throws -> DataKey? {
        guard let row = try session.query(Self.selectSQL, [tenant.sqlParameter]).first else { return nil }
        let wrapped = [UInt8](try row.decode("wrapped_key", as: Data.self))
        let key = DataKey(try wrapping.unwrap(wrapped, keyID: try row.decode("kek_id"), tenant: tenant))
        unwrapped[tenant] = key
        return key
    }

    /// Destroys a practice's data key; returns whether there was one.
    func destroy(tenant: TenantID, in session: DatabaseSession) throws -> Bool {
        unwrapped[tenant] = nil
        return try session.execute(Self.deleteSQL, [tenant.sqlParameter]) > 0
    }
}
