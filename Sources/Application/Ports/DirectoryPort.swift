import EventStore
import Foundation

/// Tenants, logins and assignments, inside one transaction.
public protocol DirectoryPort: AnyObject {
    /// A tenant by slug or id, if this login may see it.
    func find(_ slugOrID: String) throws -> Tenant?
    /// Every tenant this login may see, by kind then slug.
    func list() throws -> [Tenant]
    /// The billing company's own tenant, if created.
    func company() throws -> Tenant?
    /// Creates a tenant and its log (owners only).
    func create(id: TenantID, slug: String, kind: TenantKind, timeZone: String) throws -> Tenant
    /// Marks a tenant offboarded.
    func markOffboarded(_ tenant: TenantID) throws
    /// Creates a person's login in a group (`rcm_staff`, `rcm_auditor`, `rcm_analyst`); false when it existed.
    func createLogin(_ login: String, password: String?, role: String) throws -> Bool
    /// Assigns a login to a tenant; false when it was assigned already.
    func assign(login: String, to tenant: TenantID) throws -> Bool
    /// Rebuilds state derived from the log (assignments) after a restore; returns rows written.
    func restoreDerived() throws -> Int
}
