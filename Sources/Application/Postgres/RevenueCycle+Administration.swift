import Foundation
import Postgres
import Schema

extension RevenueCycle {
    /// Applies the pending schema migrations.
    public func migrate() async throws -> MigrationReport {
        try await postgres.run { session in try Migrator().migrate(session) }
    }

    static let auditLoginsSQL = SQL("audit_sql_logins", "SELECT audited, left_unaudited FROM rcm.audit_sql_logins()", prepared: false)

    /// Sets pgaudit's read logging on every auditor and analyst login that lacks it (logins made before V0015, or
    /// while pgaudit was not loaded), as this login (ALTER ROLE needs CREATEROLE). Returns how many it set and how
    /// many it could not; both 0 when the server has not loaded pgaudit.
    public func auditSQLLogins() async throws -> (audited: Int, unaudited: Int) {
        try await postgres.run { session in
            let row = try session.query(Self.auditLoginsSQL).first!
            return (try row.decode("audited"), try row.decode("left_unaudited"))
        }
    }

    /// Creates the group roles (idempotent; a login with CREATEROLE).
    public func bootstrapRoles() async throws {
        try await postgres.run { session in try session.executeScript(Migration.bootstrapSQL, name: "bootstrap") }
    }

    /// The same record as another login (the local socket trusts it; elsewhere its password from PGPASSFILE).
    public func asLogin(_ login: String) async throws -> RevenueCycle {
        let current = try postgres
        return RevenueCycle(backend: try await PostgresBackend.connect(current.settings.login(login), wrapping: current.wrapping), notes: notes)
    }

    static let serverSQL = SQL(
        "db_info_server", "SELECT current_setting('server_version') AS version, session_user AS login, current_database() AS db", prepared: false)
    static let migrationsSQL = SQL(
        "db_info_migrations", "SELECT file_name, applied_at, applied_by FROM rcm_schema.migrations ORDER BY version", prepared: false)
    static let tablesSQL = SQL(
        "db_info_tables",
        """
        SELECT n.nspname || '.' || c.relname AS name, greatest(c.reltuples, 0)::bigint AS estimated_rows
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'rcm%'
        ORDER BY 1
        """, prepared: false)

    /// The server, the login, applied migrations and estimated row counts, as lines.
    public func databaseInfo() async throws -> [String] {
        try await postgres.run { session in
            var lines: [String] = []
            if let row = try session.query(Self.serverSQL).first {
                lines.append(
                    "PostgreSQL \(try row.decode("version", as: String.self)), database \(try row.decode("db", as: String.self)), login \(try row.decode("login", as: String.self))"
                )
            }
            lines.append("migrations:")
            for row in try session.query(Self.migrationsSQL).rows {
                lines.append("  \(try row.decode("file_name", as: String.self))  by \(try row.decode("applied_by", as: String.self))")
            }
            lines.append("tables:")
            for row in try session.query(Self.tablesSQL).rows {
                lines.append("  \(try row.decode("name", as: String.self))  ~\(try row.decode("estimated_rows", as: Int64.self)) rows")
            }
            return lines
        }
    }
}
