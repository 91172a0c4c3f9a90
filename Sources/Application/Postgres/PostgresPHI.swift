import Billing
import EventStore
import Foundation
import Postgres

/// The PHI store's SQL (`rcm_phi`): patient identities and raw X12 files.
enum PostgresPHI {
    static let insertSQL = SQL(
        "phi_identity_insert",
        """
        INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, first_name, last_name, date_of_birth, address, phone,
            member_id, subscriber_id, salt, digest)
        VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11)
        """)
    static let selectSQL = SQL(
        "phi_identity_select",
        """
        SELECT first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, address, phone, member_id, subscriber_id
        FROM rcm_phi.patient_identities WHERE tenant_id = $1 AND patient_key = $2
        """)
    static let deleteSQL = SQL("phi_identity_delete", "DELETE FROM rcm_phi.patient_identities WHERE tenant_id = $1 AND patient_key = $2")
    static let deleteTenantSQL = SQL("phi_identity_delete_tenant", "DELETE FROM rcm_phi.patient_identities WHERE tenant_id = $1")
    static let deleteFilesSQL = SQL("phi_files_delete_tenant", "DELETE FROM rcm_phi.x12_files WHERE tenant_id = $1")
    static let insertFileSQL = SQL(
        "phi_file_insert",
        """
        INSERT INTO rcm_phi.x12_files (tenant_id, sha256, direction, kind, file_name, bytes) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (tenant_id, sha256) DO NOTHING
        """)

    static let selectFileSQL = SQL("phi_file_select", "SELECT bytes FROM rcm_phi.x12_files WHERE tenant_id = $1 AND sha256 = $2")

    static func file(sha256: String, tenant: TenantID, in session: DatabaseSession) throws -> [UInt8]? {
        try session.query(selectFileSQL, [tenant.sqlParameter, sha256.sqlParameter]).first.map { [UInt8](try $0.decode("bytes", as: Data.self)) }
    }

    static func insert(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String, in session: DatabaseSession) throws {
        try session.execute(
            insertSQL,
            [
                tenant, key.rawValue, identity.firstName, identity.lastName, identity.dateOfBirth.description, identity.address,
                identity.phone, identity.memberID, identity.subscriberID, salt, digest,
            ])
    }

    static func identity(key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> PatientIdentity? {
        guard let row = try session.query(selectSQL, [tenant, key.rawValue]).first else { return nil }
        return PatientIdentity(
            firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
            dateOfBirth: LocalDate(try row.decode("dob", as: String.self))!, address: try row.decode("address"),
            phone: try row.decode("phone"), memberID: try row.decode("member_id"), subscriberID: try row.decodeIfPresent("subscriber_id"))
    }

    static func forget(key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> Bool {
        try session.execute(deleteSQL, [tenant, key.rawValue]) > 0
    }

    static func destroyAll(tenant: TenantID, in session: DatabaseSession) throws -> (identities: Int, files: Int) {
        (try session.execute(deleteTenantSQL, [tenant]), try session.execute(deleteFilesSQL, [tenant]))
    }

    static func storeFile(
        _ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID, in session: DatabaseSession
    ) throws {
        try session.execute(
            insertFileSQL,
            [tenant.sqlParameter, sha256.sqlParameter, direction.sqlParameter, kind.sqlParameter, fileName.sqlParameter, bytes.sqlParameter])
    }
}
