/// A tenant as the directory lists it.
public struct Tenant: Sendable, Hashable, Codable {
    /// Its id.
    public let id: TenantID
    /// Its slug, e.g. `acme-counseling`.
    public let slug: String
    /// Company or practice.
    public let kind: TenantKind
    /// The IANA time zone of its business dates.
    public let timeZone: String
    /// Active or offboarded.
    public let status: TenantStatus

    /// Makes a tenant (the directory reads them; in-memory stores and tests make them).
    public init(id: TenantID, slug: String, kind: TenantKind, timeZone: String, status: TenantStatus) {
        self.id = id
        self.slug = slug
        self.kind = kind
        self.timeZone = timeZone
        self.status = status
    }
}
