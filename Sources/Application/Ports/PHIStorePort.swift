import Billing
import EventStore
import Foundation

/// The destroyable store of identifying data (patient identities, raw X12 files), inside one transaction.
///
/// The PostgreSQL adapter seals every record under the practice's data key (docs/decisions/0009-sealing-phi.md);
/// callers hand it clear values and get clear values back, and any new kind of PHI record (271 responses)
/// goes through the same adapter.
public protocol PHIStorePort: AnyObject {
    /// The digest of an identity the log may hold: a hash keyed by the practice's key over `bytes`
    /// (the record's salt and canonical text), so it cannot be confirmed by guessing without the key.
    func identityDigest(_ bytes: [UInt8], tenant: TenantID) throws -> String
    /// Stores an identity with its salt and salted digest.
    func insertIdentity(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String) throws
    /// The identity of a patient, or nil when it was destroyed (or never stored).
    func identity(key: PatientKey, tenant: TenantID) throws -> PatientIdentity?
    /// The identities of many patients of one practice, by key (a key destroyed or never stored is absent); each read
    /// is recorded as `identity(key:tenant:)` records one (PostgreSQL: one call for all of them).
    func identities(keys: [PatientKey], tenant: TenantID) throws -> [PatientKey: PatientIdentity]
    /// Destroys one identity; returns whether there was one.
    func forget(key: PatientKey, tenant: TenantID) throws -> Bool
    /// Destroys every identity and raw file of a tenant and the tenant's data key; returns how many identities and files.
    func destroyAll(tenant: TenantID) throws -> (identities: Int, files: Int)
    /// Keeps a raw file byte for byte under its SHA-256 (a second store of the same bytes is a no-op).
    func storeFile(_ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID) throws
    /// A raw file kept for a tenant, by its SHA-256; nil when it was destroyed (or never kept).
    func file(sha256: String, tenant: TenantID) throws -> [UInt8]?
    /// The tenant's raw files that name a person (NM1 IL, QC, 74) whose last name or id is one of `needles`
    /// (compared inside the store: by keyed hash for sealed files, by bytes for files kept before sealing).
    func files(containing needles: [String], tenant: TenantID) throws -> [(sha256: String, bytes: [UInt8])]
    /// Replaces a kept file's bytes with a redacted copy (its SHA-256, the log's reference, stays).
    func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID) throws
    /// Keys of the tenant's patients with this member id (compared inside the store), and, when `name` is
    /// given, the same first and last name (case-insensitive) and date of birth.
    func patientKeys(memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID) throws -> [PatientKey]
}

extension PHIStorePort {
    /// One read per key (the in-memory store's answer).
    public func identities(keys: [PatientKey], tenant: TenantID) throws -> [PatientKey: PatientIdentity] {
        var found: [PatientKey: PatientIdentity] = [:]
        var asked = Set<PatientKey>()
        for key in keys where asked.insert(key).inserted {
            if let identity = try identity(key: key, tenant: tenant) { found[key] = identity }
        }
        return found
    }
}
