import Billing
import EventStore
import Foundation
import Postgres

/// `rcm admin keys rotate`: every data key (the practices' and the company's) re-wrapped under the key ring's current
/// key, and any record kept before sealing sealed (identities and files before V0010, TOTP secrets before V0019), in
/// one transaction (owners only). Commands running meanwhile
/// keep working as long as their key ring holds both keys (docs/security.md, "Rotating the key").
public enum KeyRotation {
    /// What a rotation did.
    public struct Report: Sendable {
        /// The key every data key is now wrapped under.
        public var currentKeyID: String
        /// Data keys re-wrapped, and data keys already under the current key.
        public var rewrapped: Int, alreadyCurrent: Int
        /// Identities and raw files that were still in clear text and are now sealed.
        public var identitiesSealed: Int, filesSealed: Int
        /// TOTP secrets that were still in clear text (enrolled before V0019) and are now sealed under the company's key.
        public var secondFactorsSealed: Int
    }

    static let keysSQL = SQL(
        "keys_for_rotation", "SELECT tenant_id, wrapped_key, kek_id FROM rcm_phi.data_keys ORDER BY tenant_id FOR UPDATE")
    static let rewrapSQL = SQL(
        "key_rewrap", "UPDATE rcm_phi.data_keys SET wrapped_key = $2, kek_id = $3, rewrapped_at = now() WHERE tenant_id = $1")
    static let clearIdentitiesSQL = SQL(
        "identities_in_clear", "SELECT tenant_id, patient_key FROM rcm_phi.patient_identities WHERE sealed IS NULL FOR UPDATE")
    static let sealIdentitySQL = SQL(
        "identity_seal",
        """
        UPDATE rcm_phi.patient_identities SET sealed = $3, member_index = $4, name_index = $5, first_name = NULL, last_name = NULL,
            date_of_birth = NULL, address = NULL, phone = NULL, member_id = NULL, subscriber_id = NULL
        WHERE tenant_id = $1 AND patient_key = $2
        """)
    static let clearFilesSQL = SQL(
        "files_in_clear", "SELECT tenant_id, sha256, bytes FROM rcm_phi.x12_files WHERE NOT sealed FOR UPDATE")
    static let sealFileSQL = SQL(
        "file_seal", "UPDATE rcm_phi.x12_files SET bytes = $3, sealed = true, mentions = $4::text[] WHERE tenant_id = $1 AND sha256 = $2")
    static let clearFactorCountSQL = SQL("totp_in_clear_count", "SELECT count(*) AS n FROM rcm_auth.totp_factors WHERE secret IS NOT NULL")
    static let clearFactorsSQL = SQL(
        "totp_in_clear", "SELECT login, secret FROM rcm_auth.totp_factors WHERE secret IS NOT NULL ORDER BY login FOR UPDATE")
    static let sealFactorSQL = SQL(
        "totp_seal", "UPDATE rcm_auth.totp_factors SET sealed = $2, secret = NULL WHERE login = $1 AND secret IS NOT NULL")

    static func rotate(wrapping: any DataKeyWrapping, in session: DatabaseSession) throws -> Report {
        var report = Report(
            currentKeyID: wrapping.currentKeyID, rewrapped: 0, alreadyCurrent: 0, identitiesSealed: 0, filesSealed: 0, secondFactorsSealed: 0)
        for row in try session.query(keysSQL).rows {
            let tenant = try row.decode("tenant_id", as: TenantID.self)
            let keyID: String = try row.decode("kek_id")
            if keyID == wrapping.currentKeyID {
                report.alreadyCurrent += 1
                continue
            }
            let key = try wrapping.unwrap([UInt8](try row.decode("wrapped_key", as: Data.self)), keyID: keyID, tenant: tenant)
            let fresh = try wrapping.wrap(key, tenant: tenant)
            try session.execute(rewrapSQL, [tenant.sqlParameter, fresh.wrapped.sqlParameter, fresh.keyID.sqlParameter])
            report.rewrapped += 1
        }
        let keys = PostgresDataKeys(wrapping: wrapping)
        for row in try session.query(clearIdentitiesSQL).rows {
            let tenant = try row.decode("tenant_id", as: TenantID.self), patient = PatientKey(try row.decode("patient_key", as: String.self))
            guard let identity = try PostgresPHI.identity(key: patient, tenant: tenant, keys: keys, asOwner: true, in: session) else { continue }
            let dataKey = try keys.key(for: tenant, creating: true, in: session)!
            let sealed = try dataKey.seal(SealedIdentity(identity).bytes(), context: PostgresPHI.context(patient, tenant: tenant))
            let name = PostgresPHI.nameIndex(
                first: identity.firstName, last: identity.lastName, dateOfBirth: identity.dateOfBirth.description, dataKey)
            let member: String? = identity.memberID.isEmpty ? nil : PostgresPHI.memberIndex(identity.memberID, dataKey)
            try session.execute(sealIdentitySQL, [tenant, patient.rawValue, sealed, member, name])
            report.identitiesSealed += 1
        }
        for row in try session.query(clearFilesSQL).rows {
            let tenant = try row.decode("tenant_id", as: TenantID.self), sha: String = try row.decode("sha256")
            let bytes = [UInt8](try row.decode("bytes", as: Data.self))
            let dataKey = try keys.key(for: tenant, creating: true, in: session)!
            let sealed = try dataKey.seal(bytes, context: PostgresPHIFiles.context(sha, tenant: tenant))
            try session.execute(
                sealFileSQL, [tenant.sqlParameter, sha.sqlParameter, sealed.sqlParameter, SQLParameter.textArray(PostgresPHIFiles.mentions(bytes, dataKey))])
            report.filesSealed += 1
        }
        report.secondFactorsSealed = try sealSecondFactors(wrapping: wrapping, in: session)
        return report
    }
}

extension KeyRotation {
    /// Seals every TOTP secret kept in clear text (enrolled before V0019) under the company's data key and empties
    /// its clear column, in the caller's transaction; returns how many. The company's key is made if it has none.
    static func sealSecondFactors(wrapping: any DataKeyWrapping, in session: DatabaseSession) throws -> Int {
        let rows = try session.query(clearFactorsSQL).rows
        guard !rows.isEmpty else { return 0 }
        let company = try PostgresCompanyKey.key(creating: true, wrapping: wrapping, in: session)
        for row in rows {
            let login: String = try row.decode("login")
            let secret = [UInt8](try row.decode("secret", as: Data.self))
            let sealed = try TOTPSecretSeal.seal(secret, login: login, company: company.company, key: company.key)
            try session.execute(sealFactorSQL, [login, sealed])
        }
        return rows.count
    }
}

extension RevenueCycle {
    /// Re-wraps every data key under the current key-encryption key and seals what was kept in clear text before
    /// V0010 (identities, files) and V0019 (TOTP secrets) (owners only; one transaction).
    public func rotateKeys() async throws -> KeyRotation.Report {
        let backend = try postgres
        guard let wrapping = backend.wrapping else { throw SealingError(KeyRing.notConfigured) }
        return try await backend.connection.withTransaction { session in try KeyRotation.rotate(wrapping: wrapping, in: session) }
    }

    /// How many TOTP secrets are still in clear text (enrolled before V0019, until `rotateKeys` seals them); owners only.
    public func secondFactorsInClear() async throws -> Int {
        try await postgres.withTransaction { try $0.query(KeyRotation.clearFactorCountSQL).first!.decode("n") }
    }
}
