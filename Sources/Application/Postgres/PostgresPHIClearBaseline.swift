import Billing
import EventStore
import Foundation
import Postgres

/// The PHI store's writes and lookups as they were before sealing (before V0010): the benchmark's baseline
/// (`PHIFormat.clearBaseline`), so that the cost of sealing is measured in one run against the same code.
/// Reads need no baseline: the sealed adapter reads rows in this format as it reads any row kept before V0010.
enum PostgresPHIClearBaseline {
    static let insertSQL = SQL(
        "phi_identity_insert_clear",
        """
        INSERT INTO rcm_phi.patient_identities (tenant_id, patient_key, first_name, last_name, date_of_birth, address, phone,
            member_id, subscriber_id, salt, digest)
        VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11)
        """)
    static let keysByMemberSQL = SQL(
        "phi_keys_by_member_clear",
        """
        SELECT patient_key FROM rcm_phi.patient_identities
        WHERE tenant_id = $1 AND member_id = $2
          AND ($3::boolean IS NOT TRUE OR (lower(first_name) = lower($4) AND lower(last_name) = lower($5) AND date_of_birth = $6::date))
        ORDER BY created_at, patient_key
        """)
    static let insertFileSQL = SQL(
        "phi_file_insert_clear",
        """
        INSERT INTO rcm_phi.x12_files (tenant_id, sha256, direction, kind, file_name, bytes) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (tenant_id, sha256) DO NOTHING
        """)
    static let filesContainingSQL = SQL(
        "phi_files_containing_clear",
        """
        SELECT sha256, bytes, sealed FROM rcm_phi.x12_files f
        WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n (needle)
                                         WHERE n.needle <> '' AND position(convert_to(n.needle, 'UTF8') IN f.bytes) > 0)
        ORDER BY sha256
        """)
    static let replaceRedactedSQL = SQL(
        "phi_file_redact_clear", "UPDATE rcm_phi.x12_files SET bytes = $3, redacted_at = now() WHERE tenant_id = $1 AND sha256 = $2")

    static func insert(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String, in session: DatabaseSession) throws {
        try session.execute(
            insertSQL,
            [
                tenant, key.rawValue, identity.firstName, identity.lastName, identity.dateOfBirth.description, identity.address,
                identity.phone, identity.memberID, identity.subscriberID, salt, digest,
            ])
    }

    static func patientKeys(
        memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID, in session: DatabaseSession
    ) throws -> [PatientKey] {
        let parameters: [any SQLBindable] = [tenant, memberID, name != nil, name?.first ?? "", name?.last ?? "", name?.dateOfBirth ?? "1900-01-01"]
        return try session.query(keysByMemberSQL, parameters).rows.map { PatientKey(try $0.decode("patient_key", as: String.self)) }
    }

    static func storeFile(
        _ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID, in session: DatabaseSession
    ) throws {
        try session.execute(
            insertFileSQL,
            [tenant.sqlParameter, sha256.sqlParameter, direction.sqlParameter, kind.sqlParameter, fileName.sqlParameter, bytes.sqlParameter])
    }

    static func files(containing needles: [String], tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws
        -> [(sha256: String, bytes: [UInt8])]
    {
        try session.query(filesContainingSQL, [tenant.sqlParameter, SQLParameter.textArray(needles.filter { !$0.isEmpty })]).rows.map { row in
            let sha: String = try row.decode("sha256")
            return (sha256: sha, bytes: try PostgresPHIFiles.opened(row, sha256: sha, tenant: tenant, keys: keys, in: session))
        }
    }

    static func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID, in session: DatabaseSession) throws {
        try session.execute(replaceRedactedSQL, [tenant.sqlParameter, sha256.sqlParameter, bytes.sqlParameter])
    }
}
