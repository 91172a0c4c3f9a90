import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Backup and restore")
struct BackupTests {
    static let bin = "/usr/lib/postgresql/15/bin"

    @Test("a dump of the log, tenants and sealed PHI store (with its wrapped data keys) restored into an empty database rebuilds the rest: same chain, same claims")
    func dumpAndRestore() async throws {
        let cli = try await CLI.make("backup_src")
        let key = try cli.seedPractice()
        let session = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(3), "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1", "--service", "90837=150.00"])
        _ = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        let staff = "t_backup_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", staff])
        _ = try cli.ok(["staff", "assign", staff, "--tenant", "acme"])
        let verified = try cli.ok(["audit", "verify"])
        let claims = try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"])

        let dumpPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(cli.database.name).sql").path
        try Shell.run([
            "\(Self.bin)/pg_dump", "--data-only", "--table=rcm.tenants", "--table=rcm.events", "--table=rcm_phi.patient_identities",
            "--table=rcm_phi.x12_files", "--table=rcm_phi.data_keys", "--file=\(dumpPath)", "--dbname=\(cli.database.settings.conninfo)",
        ])
        let dump = try String(contentsOfFile: dumpPath, encoding: .utf8)
        #expect(dump.contains("rcm_phi.data_keys") && !dump.contains("Quaxworth") && !dump.contains("WQX99887766"), "the backup holds ciphertext only")
        let restored = try await CLI.make("backup_dst")
        try Shell.run(["\(Self.bin)/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", dumpPath, restored.database.settings.conninfo])
        #expect(try restored.ok(["admin", "restore-derived"]).contains("rebuilt for 2 tenant(s)"))
        #expect(try restored.ok(["audit", "verify"]) == verified)
        #expect(try restored.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]) == claims)
        #expect(try restored.ok(["patient", "show", key, "--tenant", "acme"], as: staff).contains("Quaxworth"), "assignments restored")
        await cli.database.drop()
        await restored.database.drop()
    }
}
