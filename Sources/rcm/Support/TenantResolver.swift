import EventStore
import Postgres

/// Turns `--tenant` (a slug or an id) into tenants the login may see.
enum TenantResolver {
    /// The named tenant, or every tenant the login may see when `name` is nil.
    static func resolve(_ name: String?, in session: DatabaseSession, practicesOnly: Bool = false) throws -> [Tenant] {
        if let name {
            guard let tenant = try TenantDirectory.find(name, in: session) else {
                throw CommandError("no tenant \(name) (or this login may not see it); rcm tenant list shows the tenants")
            }
            return [tenant]
        }
        let all = try TenantDirectory.list(in: session)
        return practicesOnly ? all.filter { $0.kind == .practice } : all
    }
}

/// A rejection a person can act on; printed as it is, exit code 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
