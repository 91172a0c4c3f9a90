import Foundation
import Postgres

/// Applies the embedded migrations to a database, forward only.
///
/// Each pending migration runs in its own transaction as the owner role, sent statement by statement
/// (`SQLScript`), and is recorded with its checksum in that same transaction: a failed migration leaves
/// nothing. A changed applied file, or an applied migration this binary does not know, is refused.
/// A session-level advisory lock makes two concurrent runs take turns: the second finds nothing to do.
public struct Migrator: Sendable {
    /// What a run did.
    public struct Report: Sendable, Equatable {
        /// Migrations applied by this run.
        public var applied: [String]
        /// Migrations that were already applied.
        public var alreadyApplied: [String]
    }

    /// A refusal to migrate.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        /// Why.
        public let description: String
    }

    /// The migrations this migrator applies.
    public let migrations: [Migration]
    /// The role that owns what migrations create.
    public let ownerRole: String

    /// Uses the embedded migrations by default.
    public init(migrations: [Migration] = Migration.all, ownerRole: String = "rcm_owner") {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.ownerRole = ownerRole
    }

    static let lockKey: Int64 = 0x5243_4D5F_4D49_4752  // "RCM_MIGR"
    static let lock = SQL("migrator_lock", "SELECT pg_advisory_lock($1)", prepared: false)
    static let unlock = SQL("migrator_unlock", "SELECT pg_advisory_unlock($1)", prepared: false)
    static let applied = SQL(
        "migrator_applied", "SELECT version, file_name, checksum FROM rcm_schema.migrations ORDER BY version",
        prepared: false)
    static let record = SQL(
        "migrator_record",
        "INSERT INTO rcm_schema.migrations (version, file_name, checksum) VALUES ($1, $2, $3)",
        prepared: false)
    static let setRole = SQL("migrator_set_role", "SELECT set_config('role', $1, true)", prepared: false)
    static let migrationsTable = """
        CREATE SCHEMA IF NOT EXISTS rcm_schema;
        CREATE TABLE IF NOT EXISTS rcm_schema.migrations (
            version    integer PRIMARY KEY,
            file_name  text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            applied_by text NOT NULL DEFAULT session_user
        );
        """

    /// Sends a script's statements one at a time, as psql does, inside the caller's transaction.
    ///
    /// Citus refuses DDL on distributed tables inside one multi-statement query (SQLSTATE 42601), so a
    /// migration is never sent whole. Each statement goes through the extended protocol, which takes exactly
    /// one statement: a cut in the wrong place fails on the server instead of passing two statements as one.
    /// A failure names the file and the line its statement starts on. An `ALTER TABLE` adding a constraint beside
    /// other subcommands goes one subcommand at a time (`Statement.sentAs`: Citus refuses it whole).
    static func run(_ script: String, named name: String, in session: DatabaseSession) throws {
        for statement in SQLScript(script).statements {
            for text in statement.sentAs {
                try session.query(SQL("\(name) line \(statement.line)", text, prepared: false))
            }
        }
    }

    /// Applies what is pending.
    public func migrate(_ session: DatabaseSession) throws -> Report {
        try session.query(Self.lock, [Self.lockKey])
        defer { _ = try? session.query(Self.unlock, [Self.lockKey]) }
        try session.withTransaction { session in
            try session.query(Self.setRole, [ownerRole])
            try Self.run(Self.migrationsTable, named: "migrator_table", in: session)
        }
        var known: [Int: (name: String, checksum: String)] = [:]
        for row in try session.query(Self.applied).rows {
            known[try row.decode("version")] = (try row.decode("file_name"), try row.decode("checksum"))
        }
        let embedded = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, record) in known.sorted(by: { $0.key < $1.key }) where embedded[version] == nil {
            throw Refusal(
                description: "the database has migration \(record.name), which this binary does not know; use a newer rcm")
        }
        var report = Report(applied: [], alreadyApplied: [])
        for migration in migrations {
            if let record = known[migration.version] {
                guard record.checksum == migration.checksum else {
                    throw Refusal(
                        description: "migration \(migration.fileName) was changed after it was applied (checksum \(record.checksum.prefix(12))… in the database, \(migration.checksum.prefix(12))… now); add a new migration instead")
                }
                report.alreadyApplied.append(migration.fileName)
                continue
            }
            try session.withTransaction { session in
                try session.query(Self.setRole, [ownerRole])
                try Self.run(migration.sql, named: migration.fileName, in: session)
                try session.query(Self.record, [migration.version, migration.fileName, migration.checksum])
            }
            report.applied.append(migration.fileName)
        }
        return report
    }
}
