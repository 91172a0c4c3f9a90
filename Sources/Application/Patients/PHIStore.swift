import Billing
import EventStore
import Foundation
import X12

/// The destroyable store of identifying data (`rcm_phi`): patient identities and raw X12 files.
///
/// The log never holds these. An identity is stored with a random 32-byte salt; the log holds
/// `HMAC(practice key, salt ‖ canonical identity)` as the record's digest. Destroying the row destroys the
/// salt (and offboarding the key), so the digest left in the log can no longer be linked to a person by guessing.
public struct PHIStore: Sendable {
    /// A store.
    public init() {}

    /// The canonical text of an identity, for its digest.
    static func canonical(_ identity: PatientIdentity) -> [UInt8] {
        let fields = [
            identity.firstName, identity.lastName, identity.dateOfBirth.description, identity.address, identity.phone,
            identity.memberID, identity.subscriberID ?? "",
        ]
        return Array(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|").utf8)
    }

    /// Stores an identity under a patient key; returns the salted digest the log may hold.
    public func save(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, in tx: any StoreTransaction) throws -> String {
        var salt = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let digest = try tx.phi.identityDigest(salt + Self.canonical(identity), tenant: tenant)
        try tx.phi.insertIdentity(identity, key: key, tenant: tenant, salt: salt, digest: digest)
        return digest
    }

    /// The identity of a patient, or nil when it was destroyed (or never stored).
    public func identity(key: PatientKey, tenant: TenantID, in tx: any StoreTransaction) throws -> PatientIdentity? {
        try tx.phi.identity(key: key, tenant: tenant)
    }

    /// The identities of many patients of one practice, by key (destroyed or unknown keys are absent); each read is
    /// recorded as `identity(key:tenant:in:)` records one, in one call to the store for all of them.
    public func identities(keys: [PatientKey], tenant: TenantID, in tx: any StoreTransaction) throws -> [PatientKey: PatientIdentity] {
        try tx.phi.identities(keys: keys, tenant: tenant)
    }

    /// Destroys one patient's identity; returns whether there was one.
    public func forget(key: PatientKey, tenant: TenantID, in tx: any StoreTransaction) throws -> Bool {
        try tx.phi.forget(key: key, tenant: tenant)
    }

    /// Takes the identifiers of `identity` out of every raw X12 file of the tenant that mentions them
    /// (`X12Redactor`); the files keep their rows and SHA-256s. Returns the SHA-256s of the files redacted.
    ///
    /// Candidate files are found inside the store by their bytes (the member or subscriber id, the last name
    /// as typed and as X12 writes it); the redactor then decides segment by segment.
    public func redactFiles(mentioning identity: PatientIdentity, tenant: TenantID, in tx: any StoreTransaction) throws -> [String] {
        let ids = [identity.memberID, identity.subscriberID ?? ""].filter { !$0.isEmpty }
        let plainLast = X12Text(identity.lastName)?.text ?? identity.lastName
        let needles = Set((ids + [identity.lastName, plainLast]).flatMap { [$0, $0.uppercased(), $0.lowercased()] }).filter { !$0.isEmpty }.sorted()
        let redactor = X12Redactor(.init(lastName: identity.lastName, firstName: identity.firstName, ids: ids))
        var redacted: [String] = []
        for file in try tx.phi.files(containing: needles, tenant: tenant) {
            let outcome = redactor.redact(file.bytes)
            guard outcome.segmentsRedacted > 0 else { continue }
            try tx.phi.replaceRedacted(sha256: file.sha256, bytes: outcome.bytes, tenant: tenant)
            redacted.append(file.sha256)
        }
        return redacted
    }

    /// Destroys every identity and raw file of a practice; returns (identities, files) destroyed.
    public func destroyAll(tenant: TenantID, in tx: any StoreTransaction) throws -> (Int, Int) {
        let counts = try tx.phi.destroyAll(tenant: tenant)
        return (counts.identities, counts.files)
    }

    /// Keeps a raw X12 file byte for byte; returns its SHA-256 (hex).
    @discardableResult
    public func storeFile(_ bytes: [UInt8], direction: String, kind: String, fileName: String, tenant: TenantID, in tx: any StoreTransaction) throws
        -> String
    {
        let sha = SHA256Hex.of(bytes)
        try tx.phi.storeFile(bytes, sha256: sha, direction: direction, kind: kind, fileName: fileName, tenant: tenant)
        return sha
    }
}
