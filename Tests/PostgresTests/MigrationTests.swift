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
}
