import Billing
import EventStore
import Foundation
import Postgres

/// The destroyable store of identifying data (`rcm_phi`): patient identities and raw X12 files.
///
/// The log never holds these. An identity is stored with a random 32-byte salt; the log holds
/// `SHA-256(salt ‖ canonical identity)` as the record's digest. Destroying the row destroys the salt, so
/// the digest left in the log can no longer be linked to a person by guessing.
public struct PHIStore: Sendable {
    /// A store.
    public init() {}

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

    /// The canonical text of an identity, for its digest.
    static func canonical(_ identity: PatientIdentity) -> [UInt8] {
        let fields = [
            identity.firstName, identity.lastName, identity.dateOfBirth.description, identity.address, identity.phone,
            identity.memberID, identity.subscriberID ?? "",
        ]
        return Array(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|").utf8)
    }

    /// Stores an identity under a patient key; returns the salted digest the log may hold.
    public func save(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> String {
        var salt = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let digest = SHA256Hex.of(salt + Self.canonical(identity))
        try session.execute(
            Self.insertSQL,
            [
                tenant, key.rawValue, identity.firstName, identity.lastName, identity.dateOfBirth.description, identity.address,
                identity.phone, identity.memberID, identity.subscriberID, salt, digest,
            ])
        return digest
    }

    /// The identity of a patient, or nil when it was destroyed (or never stored).
    public func identity(key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> PatientIdentity? {
        guard let row = try session.query(Self.selectSQL, [tenant, key.rawValue]).first else { return nil }
        return PatientIdentity(
            firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
            dateOfBirth: LocalDate(try row.decode("dob", as: String.self))!, address: try row.decode("address"),
            phone: try row.decode("phone"), memberID: try row.decode("member_id"), subscriberID: try row.decodeIfPresent("subscriber_id"))
    }

    /// Destroys one patient's identity; returns whether there was one.
    public func forget(key: PatientKey, tenant: TenantID, in session: DatabaseSession) throws -> Bool {
        try session.execute(Self.deleteSQL, [tenant, key.rawValue]) > 0
    }

    /// Destroys every identity and raw file of a practice; returns (identities, files) destroyed.
    public func destroyAll(tenant: TenantID, in session: DatabaseSession) throws -> (Int, Int) {
        (try session.execute(Self.deleteTenantSQL, [tenant]), try session.execute(Self.deleteFilesSQL, [tenant]))
    }

    /// Keeps a raw X12 file byte for byte; returns its SHA-256 (hex).
    @discardableResult
    public func storeFile(_ bytes: [UInt8], direction: String, kind: String, fileName: String, tenant: TenantID, in session: DatabaseSession) throws
        -> String
    {
        let sha = SHA256Hex.of(bytes)
        try session.execute(Self.insertFileSQL, [tenant.sqlParameter, sha.sqlParameter, direction.sqlParameter, kind.sqlParameter, fileName.sqlParameter, bytes.sqlParameter])
        return sha
    }
}
