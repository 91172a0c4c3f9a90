import Application
import Billing
import EventStore
import Foundation
import Postgres
import Projections

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
        let (value, tenant) = try await connection.withTransaction { session in
            let tenant = try TenantResolver.resolve(name, in: session)[0]
            let context = CommandContext(
                tenant: tenant, actor: session.user, source: source, reason: reason, today: CommandContext.today(in: tenant.timeZone))
            return (try body(session, context), tenant)
        }
        await afterCommit(tenants: [tenant.id], on: connection)
        return value
    }

    /// After a command committed: wake the log's followers (NOTIFY, outside the append's transaction) and
    /// bring the analyst tables up to date for the tenants it wrote to, so reports reflect it at once.
    /// A failure here never undoes the command; it is reported, and `rcm projections run` catches up later.
    static func afterCommit(tenants: [TenantID], on connection: Connection) async {
        do {
            try await connection.run { session in
                for tenant in tenants {
                    try session.notify(ProjectionRunner.channel, payload: tenant.description)
                    try ProjectionRunner().catchUp(tenant: tenant, in: session)
                }
            }
        } catch {
            printError("note: the analyst tables were not brought up to date (\(error)); rcm projections run catches up")
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
