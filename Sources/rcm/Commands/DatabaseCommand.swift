import ArgumentParser
import Postgres

/// `rcm db info`: what the database holds.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Show the database: server, login, applied migrations and table sizes.",
        subcommands: [Info.self]
    )

    /// `rcm db info`.
    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the server version, the login, applied migrations and row counts of the product's tables.",
            discussion: "Example:\n  rcm db info"
        )

        static let server = SQL(
            "db_info_server", "SELECT current_setting('server_version') AS version, session_user AS login, current_database() AS db",
            prepared: false)
        static let migrations = SQL(
            "db_info_migrations",
            "SELECT file_name, applied_at, applied_by FROM rcm_schema.migrations ORDER BY version", prepared: false)
        static let tables = SQL(
            "db_info_tables",
            """
            SELECT n.nspname || '.' || c.relname AS name, greatest(c.reltuples, 0)::bigint AS estimated_rows
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'rcm%'
            ORDER BY 1
            """, prepared: false)

        func run() async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let lines = try await connection.run { session -> [String] in
                    var lines: [String] = []
                    if let row = try session.query(Self.server).first {
                        lines.append(
                            "PostgreSQL \(try row.decode("version", as: String.self)), database \(try row.decode("db", as: String.self)), login \(try row.decode("login", as: String.self))")
                    }
                    lines.append("migrations:")
                    for row in try session.query(Self.migrations).rows {
                        lines.append("  \(try row.decode("file_name", as: String.self))  by \(try row.decode("applied_by", as: String.self))")
                    }
                    lines.append("tables:")
                    for row in try session.query(Self.tables).rows {
                        lines.append("  \(try row.decode("name", as: String.self))  ~\(try row.decode("estimated_rows", as: Int64.self)) rows")
                    }
                    return lines
                }
                lines.forEach { print($0) }
            }
        }
    }
}
