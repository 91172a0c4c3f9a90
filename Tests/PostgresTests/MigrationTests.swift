import Foundation
import Postgres
import Schema
import Testing
import TestSupport

@Suite("Migrations")
struct MigrationTests {
    @Test("every Schema/V*.sql file is embedded, in order, and no embedded one is missing on disk")
    func embeddedListMatchesFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Schema").path)
            .filter { $0.hasPrefix("V") && $0.hasSuffix(".sql") }.sorted()
        #expect(Migration.all.map(\.fileName) == files)
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    }

    @Test("rcm migrate twice: the second run applies nothing")
    func migrateTwice() async throws {
        let database = try await TestDatabase.create("migrate_cli", migrated: false)
        let environment = ["RCM_DATABASE_URL": database.settings.conninfo]
        let first = try Shell.run([Repository.rcmBinary.path, "migrate"], environment: environment)
        #expect(first.standardOutput.contains("\(Migration.all.count) applied, 0 already applied"))
        let second = try Shell.run([Repository.rcmBinary.path, "migrate"], environment: environment)
        #expect(second.standardOutput.contains("0 applied, \(Migration.all.count) already applied"))
        await database.drop()
    }

    @Test("a migration changed after it was applied is refused, naming the file")
    func changedMigrationIsRefused() async throws {
        let database = try await TestDatabase.create("migrate_changed", migrated: false)
        let connection = try await database.connect()
        let original = Migration(fileName: "V0001__probe.sql", bytes: Array("CREATE TABLE probe (v int);".utf8))
        let changed = Migration(fileName: "V0001__probe.sql", bytes: Array("CREATE TABLE probe (v int8);".utf8))
        _ = try await connection.run { try Migrator(migrations: [original]).migrate($0) }
        let refusal = await #expect(throws: Migrator.Refusal.self) {
            _ = try await connection.run { try Migrator(migrations: [changed]).migrate($0) }
        }
        #expect(refusal?.description.contains("V0001__probe.sql was changed") == true)
        await database.drop()
    }

    @Test("two migrators at once take turns: each migration is applied exactly once")
    func concurrentMigrators() async throws {
        let database = try await TestDatabase.create("migrate_race", migrated: false)
        let reports = try await withThrowingTaskGroup(of: Migrator.Report.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    let connection = try await database.connect()
                    return try await connection.run { try Migrator().migrate($0) }
                }
            }
            var all: [Migrator.Report] = []
            for try await report in group { all.append(report) }
            return all
        }
        #expect(reports.map(\.applied.count).reduce(0, +) == Migration.all.count)
        await database.drop()
    }

    @Test("a changed applied migration makes rcm migrate exit 1 with the file's name")
    func cliRefusesChangedMigration() async throws {
        let database = try await TestDatabase.create("migrate_cli_changed", migrated: true)
        let connection = try await database.connect()
        _ = try await connection.query(
            SQL("tamper_checksum", "UPDATE rcm_schema.migrations SET checksum = $1 WHERE version = 1"), ["0000"])
        let output = try Shell.run(
            [Repository.rcmBinary.path, "migrate"], environment: ["RCM_DATABASE_URL": database.settings.conninfo], check: false)
        #expect(output.status == 1)
        #expect(output.standardError.contains("V0001__foundation.sql was changed"))
        await database.drop()
    }

    static func migration(_ fileName: String, _ sql: String) -> Migration {
        Migration(fileName: fileName, bytes: Array(sql.utf8))
    }

    @Test("a migration's statements run one by one in one transaction: dollar quotes, quoted semicolons, a setting kept")
    func statementsInOneTransaction() async throws {
        let database = try await TestDatabase.create("migrate_statements", migrated: false)
        let connection = try await database.connect()
        let tricky = Self.migration(
            "V0001__tricky.sql",
            """
            -- A person's setting; set transaction-locally, read by a later statement of the same migration.
            SELECT set_config('rcm.probe', 'kept; across statements', true);
            CREATE TABLE probe AS SELECT current_setting('rcm.probe') AS v, 'it''s; one' AS "semi;colon";
            CREATE FUNCTION probe_body() RETURNS text LANGUAGE plpgsql AS $fn$
            BEGIN
                RETURN $$a; b$$ || E'\\\\'';'; /* nested /* comment; */ */
            END
            $fn$;
            """)
        _ = try await connection.run { try Migrator(migrations: [tricky]).migrate($0) }
        let row = try #require(
            try await connection.query(SQL("probe_read", #"SELECT v, "semi;colon" AS s, probe_body() AS b FROM probe"#)).first)
        #expect(try row.decode("v", as: String.self) == "kept; across statements")
        #expect(try row.decode("s", as: String.self) == "it's; one")
        #expect(try row.decode("b", as: String.self) == "a; b\\';")
        await database.drop()
    }

    @Test("a statement that fails leaves nothing of its migration, and the error names the file and the line")
    func failedMigrationLeavesNothing() async throws {
        let database = try await TestDatabase.create("migrate_failed", migrated: false)
        let connection = try await database.connect()
        let first = Self.migration("V0001__first.sql", "CREATE TABLE first (v int);")
        let failing = Self.migration(
            "V0002__failing.sql",
            """
            CREATE TABLE second (v int);
            INSERT INTO second VALUES (1);

            SELECT 1 / 0;
            CREATE TABLE third (v int);
            """)
        let error = await #expect(throws: PostgresError.self) {
            _ = try await connection.run { try Migrator(migrations: [first, failing]).migrate($0) }
        }
        #expect(error?.sqlState == "22012")
        #expect(error?.statement == "V0002__failing.sql line 4")
        let tables = try await connection.query(
            SQL("migrate_failed_tables", "SELECT count(*) FILTER (WHERE relname = 'first') AS first, count(*) FILTER (WHERE relname IN ('second', 'third')) AS later FROM pg_class"))
        #expect(try tables.first!.decode("first", as: Int64.self) == 1)
        #expect(try tables.first!.decode("later", as: Int64.self) == 0)
        let applied = try await connection.query(SQL("migrate_failed_applied", "SELECT file_name FROM rcm_schema.migrations ORDER BY version"))
        #expect(try applied.rows.map { try $0.decode("file_name", as: String.self) } == ["V0001__first.sql"])
        await database.drop()
    }

    @Test("a statement sent in the form Citus takes makes the catalog the whole statement makes (V0014, V0019)")
    func citusFormMakesTheSameCatalog() async throws {
        let database = try await TestDatabase.create("migrate_citus_form", migrated: false)
        let connection = try await database.connect()
        // The tables as they were before each statement (the columns it touches).
        let before = [
            "sessions": "(token_hash bytea PRIMARY KEY)",
            "totp_factors": "(login text PRIMARY KEY, secret bytea NOT NULL)",
        ]
        var compared = 0
        for migration in Migration.all {
            for statement in SQLScript(migration.sql).statements where statement.sentAs != [statement.text] {
                let table = String(statement.text.components(separatedBy: "rcm_auth.").dropFirst().first?.prefix { $0.isLetter || $0 == "_" } ?? "")
                let shape = try #require(before[table], "\(migration.fileName) line \(statement.line) alters \(table)")
                var catalogs: [[String]] = []
                for (schema, texts) in [("form_whole_\(compared)", [statement.text]), ("form_cut_\(compared)", statement.sentAs)] {
                    try await connection.run { session in
                        try session.executeScript("CREATE SCHEMA \(schema); CREATE TABLE \(schema).\(table) \(shape)", name: "citus_form_table")
                        for text in texts {
                            try session.executeScript(text.replacingOccurrences(of: "rcm_auth.", with: "\(schema)."), name: "citus_form")
                        }
                    }
                    let rows = try await connection.query(
                        SQL(
                            "citus_form_catalog",
                            """
                            SELECT 'column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS name
                            FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                            WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
                            UNION ALL
                            SELECT 'constraint ' || c.conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conrelid = $1::regclass
                            ORDER BY 1
                            """), ["\(schema).\(table)"])
                    catalogs.append(try rows.rows.map { try $0.decode("name") })
                }
                #expect(catalogs[0] == catalogs[1], "\(migration.fileName) line \(statement.line)")
                #expect(catalogs[1].contains { $0.hasPrefix("constraint \(table)_") && $0.contains("_check CHECK") })
                compared += 1
            }
        }
        #expect(compared == 2)
        await database.drop()
    }
}
