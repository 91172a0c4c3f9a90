import Billing
import EventStore
import Foundation
import Postgres

/// The PHI store's identities (`rcm_phi.patient_identities`), sealed under the practice's data key.
///
/// A row holds the identity sealed (AES-256-GCM, bound to its tenant and patient key), keyed hashes for the
/// duplicate checks, the record's salt and its keyed digest. Rows written before V0010 keep clear columns
/// until `rcm admin keys rotate` seals them; they are read as they are meanwhile, but the duplicate checks
/// find them only once sealed (no clear identifier is ever sent to the server as a parameter).
enum PostgresPHI {
    static let insertSQL = SQL(
        "phi_identity_insert",
        """
        INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, sealed, member_index, name_index, salt, digest)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """)
    /// The identity through the PHI store's read function, which checks the practice and records the read
    /// (`access.phi_viewed`) in this transaction unless the command recorded it already (V0015).
    static let selectSQL = SQL(
        "phi_identity_select",
        """
        SELECT sealed, first_name, last_name, dob, address, phone, member_id, subscriber_id, wrapped_key, kek_id
        FROM rcm_phi.read_identity($1, $2, $3)
        """)
    /// The owner's direct read, for key rotation (administration reads every practice's records to seal them).
    static let ownerSelectSQL = SQL(
        "phi_identity_select_owner",
        """
        SELECT i.sealed, i.first_name, i.last_name, to_char(i.date_of_birth, 'YYYY-MM-DD') AS dob, i.address, i.phone, i.member_id,
               i.subscriber_id, k.wrapped_key, k.kek_id
        FROM rcm_phi.patient_identities i LEFT JOIN rcm_phi.data_keys k ON k.tenant_id = i.tenant_id
        WHERE i.tenant_id = $1 AND i.patient_key = $2
        """)
    /// Why the product reads an identity when the command did not say (building a claim, an inquiry, a status request).
    static let productPurpose = "read by the product (claim, eligibility or status file)"
    static let deleteSQL = SQL("phi_identity_delete", "SELECT rcm_phi.forget_identity($1, $2) AS forgotten")
    static let deleteTenantSQL = SQL("phi_identity_delete_tenant", "DELETE FROM rcm_phi.patient_identities WHERE tenant_id = $1")
    static let keysByMemberSQL = SQL(
        "phi_keys_by_member",
        """
        SELECT patient_key FROM rcm_phi.patient_keys($1, $2, $3::boolean, $4) AS k (patient_key)
        """)

    /// Where a sealed identity belongs (the AES-GCM associated data).
    static func context(_ key: PatientKey, tenant: TenantID) -> String { "patient_identities|\(tenant)|\(key.rawValue)" }

    /// The keyed hash of a member id.
    static func memberIndex(_ memberID: String, _ key: DataKey) -> String { key.index("member|" + memberID) }

    /// The keyed hash of a name and date of birth (names compared without case).
    static func nameIndex(first: String, last: String, dateOfBirth: String, _ key: DataKey) -> String {
        key.index("name|\(first.lowercased())|\(last.lowercased())|\(dateOfBirth)")
    }

    static func insert(
        _ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String, keys: PostgresDataKeys,
        in session: DatabaseSession
    ) throws {
        let dataKey = try keys.key(for: tenant, creating: true, in: session)!
        let sealed = try dataKey.seal(SealedIdentity(identity).bytes(), context: context(key, tenant: tenant))
        let name = nameIndex(first: identity.firstName, last: identity.lastName, dateOfBirth: identity.dateOfBirth.description, dataKey)
        let member: String? = identity.memberID.isEmpty ? nil : memberIndex(identity.memberID, dataKey)
        try session.execute(insertSQL, [tenant, key.rawValue, sealed, member, name, salt, digest])
    }

    static func identity(
        key: PatientKey, tenant: TenantID, keys: PostgresDataKeys, asOwner: Bool = false, in session: DatabaseSession
    ) throws -> PatientIdentity? {
        let rows = asOwner
            ? try session.query(ownerSelectSQL, [tenant, key.rawValue]) : try session.query(selectSQL, [tenant, key.rawValue, productPurpose])
        guard let row = rows.first else { return nil }
        return try identity(of: row, key: key, tenant: tenant, keys: keys, in: session)
    }

    /// The identity in a row of a read (sealed: opened under the practice's key, which the row brings along).
    static func identity(of row: Row, key: PatientKey, tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws
        -> PatientIdentity
    {
        if let sealed = try row.decodeIfPresent("sealed", as: Data.self) {
            // The practice's wrapped key came with the row (one round trip for a command's first read).
            if let wrapped = try row.decodeIfPresent("wrapped_key", as: Data.self) {
                try keys.adopt(wrapped: [UInt8](wrapped), keyID: try row.decode("kek_id"), tenant: tenant)
            }
            let bytes = try keys.existingKey(for: tenant, in: session).open([UInt8](sealed), context: context(key, tenant: tenant))
            return try SealedIdentity.decode(bytes).identity
        }
        return PatientIdentity(
            firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
            dateOfBirth: LocalDate(try row.decode("dob", as: String.self))!, address: try row.decode("address"),
            phone: try row.decode("phone"), memberID: try row.decode("member_id"), subscriberID: try row.decodeIfPresent("subscriber_id"))
    }

    static func forget(key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> Bool {
        try session.query(deleteSQL, [tenant, key.rawValue]).first?.decode("forgotten") ?? false
    }

    static func destroyAll(tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws -> (identities: Int, files: Int) {
        // Offboarding is the owner's administration, which keeps DELETE on the PHI store.
        let identities = try session.execute(deleteTenantSQL, [tenant])
        let files = try session.execute(PostgresPHIFiles.deleteFilesSQL, [tenant])
        _ = try keys.destroy(tenant: tenant, in: session)
        return (identities, files)
    }

    static func patientKeys(
        memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID, keys: PostgresDataKeys,
        in session: DatabaseSession
    ) throws -> [PatientKey] {
        guard let dataKey = try keys.key(for: tenant, creating: false, in: session) else { return [] }
        let nameHash = name.map { nameIndex(first: $0.first, last: $0.last, dateOfBirth: $0.dateOfBirth, dataKey) } ?? ""
        let parameters: [any SQLBindable] = [tenant, memberIndex(memberID, dataKey), name != nil, nameHash]
        return try session.query(keysByMemberSQL, parameters).rows.map { PatientKey(try $0.decode("patient_key", as: String.self)) }
    }
}
