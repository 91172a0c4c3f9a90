import Application
import Billing
import EventStore
import Foundation
import Postgres

/// Runs a command's work against the database: connects, resolves `--tenant`, builds the command
/// context (actor = the login, today in the tenant's time zone) and runs the body in one transaction,
/// so a rejected command writes nothing.
enum Workspace {
    static func connect() async throws -> Connection {
        try await Connection.connect(DatabaseLocator.settings())
    }

    /// Runs `body` in one transaction for one tenant.
    @discardableResult
    static func inTenant<T: Sendable>(
        _ name: String, reason: String? = nil, source: String = "cli",
        _ body: @escaping @Sendable (DatabaseSession, CommandContext) throws -> T
    ) async throws -> T {
        let connection = try await connect()
        return try await connection.withTransaction { session in
            let tenant = try TenantResolver.resolve(name, in: session)[0]
            let context = CommandContext(
                tenant: tenant, actor: session.user, source: source, reason: reason, today: CommandContext.today(in: tenant.timeZone))
            return try body(session, context)
        }
    }

    /// Runs `body` in one transaction as administration (company-level).
    @discardableResult
    static func administration<T: Sendable>(_ body: @escaping @Sendable (DatabaseSession, String, LocalDate) throws -> T) async throws -> T {
        let connection = try await connect()
        return try await connection.withTransaction { session in
            try body(session, session.user, CommandContext.today(in: "America/New_York"))
        }
    }
}
