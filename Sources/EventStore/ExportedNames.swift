/// Names of this module's value types that stay reachable where the module's name is shadowed by its
/// `EventStore` class (`EventStore.Tenant` finds the class, not the module).
public enum EventStoreNames {
    /// `Tenant`.
    public typealias TenantType = Tenant
    /// `TenantID`.
    public typealias TenantIDType = TenantID
}
