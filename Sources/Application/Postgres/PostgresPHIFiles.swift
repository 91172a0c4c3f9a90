import EventStore
import Foundation
import Postgres
import X12

/// The PHI store's raw X12 files (`rcm_phi.x12_files`), sealed under the practice's data key, each kept with
/// keyed hashes of the names and ids of the people it names (`X12Mentions`), so that a forget finds the files
/// that mention a patient without opening the others.
enum PostgresPHIFiles {
    static let deleteFilesSQL = SQL("phi_files_delete_tenant", "DELETE FROM rcm_phi.x12_files WHERE tenant_id = $1")
    /// No conflict target (the primary key is the only unique index): naming one needs SELECT, which staff lack.
    static let insertFileSQL = SQL(
        "phi_file_insert",
        """
        INSERT INTO rcm_phi.x12_files (tenant_id, sha256, direction, kind, file_name, bytes, sealed, mentions)
        VALUES ($1, $2, $3, $4, $5, $6, true, $7::text[])
        ON CONFLICT DO NOTHING
        """)
    /// Reads go through the PHI store's functions, which check the practice and record each read (V0015).
    static let selectFileSQL = SQL("phi_file_select", "SELECT bytes, sealed FROM rcm_phi.read_file($1, $2, $3)")
    /// Why the product reads a kept file when the command did not say.
    static let productPurpose = "read by the product (unapplied work, redaction)"
    static let filesMentioningSQL = SQL(
        "phi_files_mentioning",
        """
        SELECT sha256, bytes, sealed FROM rcm_phi.files_mentioning($1, $2::text[], $3)
        """)
    static let replaceRedactedSQL = SQL(
        "phi_file_redact",
        """
        SELECT rcm_phi.replace_redacted($1, $2, $3, $4::text[])
        """)

    /// Where a sealed file belongs (the AES-GCM associated data).
    static func context(_ sha256: String, tenant: TenantID) -> String { "x12_files|\(tenant)|\(sha256)" }

    /// The keyed hashes of the names and ids a file's people carry.
    static func mentions(_ bytes: [UInt8], _ key: DataKey) -> [String] {
        mentions(of: X12Mentions.of(bytes), key)
    }

    /// The keyed hashes of the people a file names (`X12Mentions.of`), under one practice's key.
    static func mentions(of people: Set<String>, _ key: DataKey) -> [String] {
        people.map { mention(normalized: $0, key) }.sorted()
    }

    /// The keyed hash of one normalized name or id.
    static func mention(normalized value: String, _ key: DataKey) -> String { key.index("x12|" + value) }

    /// Keeps a file sealed under the practice's key with its mentions; `people` is the file's `X12Mentions.of` when the
    /// caller has it already (a file kept for several practices is read for its people once).
    static func storeFile(
        _ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID, keys: PostgresDataKeys,
        people: Set<String>? = nil, in session: DatabaseSession
    ) throws {
        let key = try keys.key(for: tenant, creating: true, in: session)!
        let sealed = try key.seal(bytes, context: context(sha256, tenant: tenant))
        try session.execute(
            insertFileSQL,
            [
                tenant.sqlParameter, sha256.sqlParameter, direction.sqlParameter, kind.sqlParameter, fileName.sqlParameter, sealed.sqlParameter,
                SQLParameter.textArray(mentions(of: people ?? X12Mentions.of(bytes), key)),
            ])
    }

    static func file(sha256: String, tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws -> [UInt8]? {
        guard let row = try session.query(selectFileSQL, [tenant.sqlParameter, sha256.sqlParameter, productPurpose.sqlParameter]).first else { return nil }
        return try opened(row, sha256: sha256, tenant: tenant, keys: keys, in: session)
    }

    /// A row's bytes, opened when sealed.
    static func opened(_ row: Row, sha256: String, tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws -> [UInt8] {
        let bytes = [UInt8](try row.decode("bytes", as: Data.self))
        guard try row.decode("sealed", as: Bool.self) else { return bytes }
        return try keys.existingKey(for: tenant, in: session).open(bytes, context: context(sha256, tenant: tenant))
    }

    /// The files that name a person with one of `needles` as last name or id (compared in X12 form by keyed
    /// hash, so no identifier is sent to the server), opened. Files kept before V0010 are found once
    /// `rcm admin keys rotate` has sealed and indexed them.
    static func files(containing needles: [String], tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws
        -> [(sha256: String, bytes: [UInt8])]
    {
        let key = try keys.key(for: tenant, creating: false, in: session)
        let hashes = key.map { key in Set(needles.map(X12Mentions.normalized).filter { !$0.isEmpty }).map { mention(normalized: $0, key) }.sorted() } ?? []
        let rows = try session.query(
            filesMentioningSQL, [tenant.sqlParameter, SQLParameter.textArray(hashes), "redacting a forgotten patient's files".sqlParameter])
        return try rows.rows.map { row in
            let sha: String = try row.decode("sha256")
            return (sha256: sha, bytes: try opened(row, sha256: sha, tenant: tenant, keys: keys, in: session))
        }
    }

    /// Seals a redacted copy in place of the file (its SHA-256, the log's reference, stays) with the mentions it still has.
    static func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws {
        let key = try keys.existingKey(for: tenant, in: session)
        let sealed = try key.seal(bytes, context: context(sha256, tenant: tenant))
        try session.query(
            replaceRedactedSQL, [tenant.sqlParameter, sha256.sqlParameter, sealed.sqlParameter, SQLParameter.textArray(mentions(bytes, key))])
    }
}
