import Application

/// The backend of the route list: no route runs, so nothing is ever asked of it.
struct UnusedBackend: Backend {
    struct Unused: Error {}

    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { throw Unused() }
    func afterCommit(tenants: [TenantID]) async -> String? { nil }
    func interchangeCounter() async throws -> InterchangeCounter { throw Unused() }
}
