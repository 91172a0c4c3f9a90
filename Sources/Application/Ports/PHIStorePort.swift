import Billing
import EventStore
import Foundation

/// The destroyable store of identifying data (patient identities, raw X12 files), inside one transaction.
public protocol PHIStorePort: AnyObject {
    /// Stores an identity with its salt and salted digest.
    func insertIdentity(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String) throws
    /// The identity of a patient, or nil when it was destroyed (or never stored).
    func identity(key: PatientKey, tenant: TenantID) throws -> PatientIdentity?
    /// Destroys one identity; returns whether there was one.
    func forget(key: PatientKey, tenant: TenantID) throws -> Bool
    /// Destroys every identity and raw file of a tenant; returns how many of each.
    func destroyAll(tenant: TenantID) throws -> (identities: Int, files: Int)
    /// Keeps a raw file byte for byte under its SHA-256 (a second store of the same bytes is a no-op).
    func storeFile(_ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID) throws
    /// A raw file kept for a tenant, by its SHA-256; nil when it was destroyed (or never kept).
    func file(sha256: String, tenant: TenantID) throws -> [UInt8]?
}
