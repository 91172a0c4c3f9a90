import Foundation
import Postgres

/// The tenants this login may see, and onboarding (owners only, through `rcm.create_tenant`).
public enum TenantDirectory {
    static let createSQL = SQL("tenant_create", "SELECT rcm.create_tenant($1, $2, $3, $4)")
    static let listSQL = SQL(
        "tenant_list", "SELECT tenant_id, slug, kind, time_zone, status FROM rcm.tenants ORDER BY kind, slug")
    static let findSQL = SQL(
        "tenant_find",
        "SELECT tenant_id, slug, kind, time_zone, status FROM rcm.tenants WHERE slug = $1 OR tenant_id::text = $1")
    static let companySQL = SQL(
        "tenant_company", "SELECT tenant_id, slug, kind, time_zone, status FROM rcm.tenants WHERE kind = 'company'")

    /// Creates a tenant and its empty log. Only an owner login may; the caller appends the matching
    /// company-tenant event in the same transaction.
    public static func create(
        id: TenantID, slug: String, kind: TenantKind, timeZone: String, in session: DatabaseSession
    ) throws -> Tenant {
        try session.query(createSQL, [id, slug, kind, timeZone])
        return Tenant(id: id, slug: slug, kind: kind, timeZone: timeZone, status: .active)
    }

    /// Every tenant this login may see.
    public static func list(in session: DatabaseSession) throws -> [Tenant] {
        try session.query(listSQL).rows.map(tenant)
    }

    /// A tenant by slug or id, if this login may see it.
    public static func find(_ slugOrID: String, in session: DatabaseSession) throws -> Tenant? {
        try session.query(findSQL, [slugOrID]).first.map(tenant)
    }

    /// The company tenant, if it exists.
    public static func company(in session: DatabaseSession) throws -> Tenant? {
        try session.query(companySQL).first.map(tenant)
    }

    static func tenant(_ row: Row) throws -> Tenant {
        Tenant(
            id: try row.decode("tenant_id"), slug: try row.decode("slug"), kind: try row.decode("kind"),
            timeZone: try row.decode("time_zone"), status: try row.decode("status"))
    }
}
