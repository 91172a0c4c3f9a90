import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Scripts/db on a throwaway cluster")
struct ClusterScriptTests {
    @Test("Scripts/db start from a fresh copy in a 0700 folder brings up a cluster; the pool answers again after a restart")
    func freshCloneInPrivateFolderAndPoolRecovery() async throws {
        let fm = FileManager.default
        let privateFolder = fm.temporaryDirectory.appendingPathComponent("rcm-private-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(at: privateFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let clone = privateFolder.appendingPathComponent("clone")
        try fm.createDirectory(at: clone, withIntermediateDirectories: true)
        for item in ["Scripts", "Schema"] {
            try fm.copyItem(at: Repository.root.appendingPathComponent(item), to: clone.appendingPathComponent(item))
        }
        let db = clone.appendingPathComponent("Scripts/db").path
        defer {
            _ = try? Shell.run([db, "destroy"], check: false)
            try? fm.removeItem(at: privateFolder)
        }
        try Shell.run([db, "start"])
        let status = try Shell.run([db, "status"])
        #expect(status.standardOutput.hasPrefix("running"))
        let url = try Shell.run([db, "url"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.count < 200)
        let pool = ConnectionPool(settings: ConnectionSettings(conninfo: url), maximum: 2)
        let first = try await pool.withConnection { try await $0.query(SQL("one", "SELECT 1 AS one")).first!.decode("one", as: Int.self) }
        #expect(first == 1)

        try Shell.run([db, "stop"])
        try Shell.run([db, "start"])

        let again = try await pool.withConnection { try await $0.query(SQL("one", "SELECT 1 AS one")).first!.decode("one", as: Int.self) }
        #expect(again == 1)
        pool.close()
    }
}
