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

    static let filesContainingSQL = SQL(
        "phi_files_containing",
        """
        SELECT sha256, bytes FROM rcm_phi.x12_files f
        WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n (needle)
                                         WHERE n.needle <> '' AND position(convert_to(n.needle, 'UTF8') IN f.bytes) > 0)
        ORDER BY sha256
        """)
    static let replaceRedactedSQL = SQL(
        "phi_file_redact", "UPDATE rcm_phi.x12_files SET bytes = $3, redacted_at = clock_timestamp() WHERE tenant_id = $1 AND sha256 = $2")
    static let keysByMemberSQL = SQL(
        "phi_keys_by_member",
        """
        SELECT patient_key FROM rcm_phi.patient_identities
        WHERE tenant_id = $1 AND member_id = $2
          AND ($3::boolean IS NOT TRUE OR (lower(first_name) = lower($4) AND lower(last_name) = lower($5) AND date_of_birth = $6::date))
        ORDER BY created_at, patient_key
        """)

    static func files(containing needles: [String], tenant: TenantID, in session: DatabaseSession) throws -> [(sha256: String, bytes: [UInt8])] {
        try session.query(filesContainingSQL, [tenant.sqlParameter, SQLParameter.textArray(needles.filter { !$0.isEmpty })]).rows.map {
            (sha256: try $0.decode("sha256", as: String.self), bytes: [UInt8](try $0.decode("bytes", as: Data.self)))
        }
    }

    static func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID, in session: DatabaseSession) throws {
        try session.execute(replaceRedactedSQL, [tenant.sqlParameter, sha256.sqlParameter, bytes.sqlParameter])
    }

    static func patientKeys(
        memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID, in session: DatabaseSession
    ) throws -> [PatientKey] {
        let parameters: [any SQLBindable] = [tenant, memberID, name != nil, name?.first ?? "", name?.last ?? "", name?.dateOfBirth ?? "1900-01-01"]
        return try session.query(keysByMemberSQL, parameters).rows.map { PatientKey(try $0.decode("patient_key", as: String.self)) }
    }
}
