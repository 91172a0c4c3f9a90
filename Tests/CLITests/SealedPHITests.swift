import Foundation
import Postgres
import Testing
import TestSupport

/// Through the binary, under a key file of the test's own: PHI is sealed at rest, the product refuses to start
/// without its key and loses nothing meanwhile, a truncated or wrong key is refused with a sentence and writes
/// nothing, and after a key rotation every record still reads.
@Suite("PHI sealed at rest under the operator's key")
struct SealedPHITests {
    /// Letters only (names must read as names), different on every run so that the server's log can be searched.
    static func word(_ length: Int) -> String { String((0..<length).map { _ in "bcdfghjklmnpqrstvwxz".randomElement()! }) }

    /// A key file holding `keys` (lines written by `rcm admin keys generate`), in a fresh folder.
    static func keyFile(_ lines: [String], in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("kek")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a patient added, billed, paid and given a statement leaves no identifier in clear text in any column or the server's log; reads are recorded")
    func sealedEverywhere() async throws {
        var cli = try await CLI.make("sealed_scan")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(cli.database.name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = try cli.ok(["admin", "keys", "generate"])
        let file = try Self.keyFile([key], in: folder)
        cli.environment = ["RCM_KEK_FILE": file.path]

        _ = try cli.seedPractice()
        let first = "Ysol" + Self.word(6), last = "Pember" + Self.word(6), member = "PX\(UInt32.random(in: 100_000_000...999_999_999))"
        let street = "\(UInt16.random(in: 10...999)) Quennell\(Self.word(4)) Rd"
        let patient = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", first, "--last", last, "--dob", "1979-03-14", "--member-id", member,
            "--address", "\(street), Springfield, IL 62701", "--phone", "2175550142",
        ])
        try DestructionScanTests.claim(cli, tenant: "acme", key: patient)
        try DestructionScanTests.roundTrip(cli, tenant: "acme", folder: folder)
        _ = try cli.ok(["payment", "post", "--tenant", "acme", "--patient", patient, "--amount", "5.00", "--method", "card"])
        _ = try cli.ok(["statement", "run", "--tenant", "acme", "--out", folder.appendingPathComponent("statements").path, "--format", "text"])

        let planted = [first, last, member, street, "19790314", "1979-03-14", "2175550142"] + DestructionScanTests.zebediah
        let scan = DatabaseScan(connection: try await cli.database.connect())
        #expect(try await scan.columnCount() > 100, "the catalog lists the product's columns")
        #expect(try await scan.find(planted) == [], "no column holds an identifier in clear text, as text or as bytes")
        let sealedFiles: Int64 = try await scan.connection.query(
            SQL("sealed_files", "SELECT count(*) FILTER (WHERE sealed) AS n FROM rcm_phi.x12_files")).first!.decode("n")
        #expect(sealedFiles >= 3, "the 837P, 277CA and 835 are kept, sealed")

        let reads = try await Self.count(scan, "access.phi_viewed")
        #expect(try cli.ok(["patient", "show", patient, "--tenant", "acme", "--reason", "billing question"]).contains(last), "the product reads it")
        #expect(try await Self.count(scan, "access.phi_viewed") == reads + 1, "the read is recorded")

        let log = (try? String(contentsOfFile: Repository.root.appendingPathComponent(".pgdata/postgres.log").path, encoding: .utf8)) ?? ""
        #expect(!log.isEmpty, "the server's log is readable")
        #expect([first, last, member, street].filter { log.contains($0) } == [], "the server's log holds none of them")
        try? FileManager.default.removeItem(at: folder)
        await cli.database.drop()
    }

    static func count(_ scan: DatabaseScan, _ type: String) async throws -> Int64 {
        try await scan.connection.query(SQL("count_type", "SELECT count(*) AS n FROM rcm.events WHERE event_type = $1"), [type]).first!.decode("n")
    }

    @Test("without its key file rcm refuses to start, a truncated or wrong key is refused, nothing is written; the key back, everything reads; after a rotation too")
    func keyFileRefusalsAndRotation() async throws {
        var cli = try await CLI.make("sealed_keys")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(cli.database.name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = try cli.ok(["admin", "keys", "generate"]), new = try cli.ok(["admin", "keys", "generate"])
        let file = try Self.keyFile([old], in: folder)
        cli.environment = ["RCM_KEK_FILE": file.path]
        let patient = try cli.seedPractice()
        let show = ["patient", "show", patient, "--tenant", "acme"]
        let add = ["patient", "add", "--tenant", "acme", "--first", "Wilhelmina", "--last", "Oddbody", "--dob", "1990-01-02", "--member-id", "WO123456789"]
        let events = try await cli.eventCount()

        try FileManager.default.removeItem(at: file)
        for command in [show, add, ["tenant", "list"]] {
            let refused = try cli.run(command)
            #expect(refused.status == 1 && refused.standardError.contains("rcm will not start") && refused.standardError.contains("cannot be read"), "\(refused.standardError)")
        }
        try "\(old.prefix(30))\n".write(to: file, atomically: true, encoding: .utf8)
        let truncated = try cli.run(add)
        #expect(truncated.status == 1 && truncated.standardError.contains("line 1"), "\(truncated.standardError)")
        _ = try Self.keyFile([new], in: folder)
        for command in [show, add] {
            let wrong = try cli.run(command)
            #expect(wrong.status == 1 && wrong.standardError.contains("is not the one this practice's data key was wrapped under"), "\(wrong.standardError)")
        }
        #expect(try await cli.eventCount() == events, "nothing was written")

        _ = try Self.keyFile([old], in: folder)
        #expect(try cli.ok(show).contains("Quaxworth"), "the key back, nothing is lost")

        _ = try Self.keyFile([new, old], in: folder)
        #expect(try cli.ok(["admin", "keys", "rotate"]).hasPrefix("re-wrapped 1 data key(s)"))
        _ = try Self.keyFile([new], in: folder)
        #expect(try cli.ok(show).contains("Quaxworth"), "after the rotation the identity reads under the new key alone")
        try DestructionScanTests.claim(cli, tenant: "acme", key: patient, covered: true)
        try DestructionScanTests.roundTrip(cli, tenant: "acme", folder: folder)
        #expect(try cli.ok(["patient", "forget", patient, "--tenant", "acme", "--reason", "retention ended"]).contains("3 raw X12 file(s) redacted"))
        _ = try Self.keyFile([old], in: folder)
        #expect(try cli.run(["patient", "add", "--tenant", "acme", "--first", "Ann", "--last", "Lee", "--dob", "1990-01-02", "--member-id", "AL1"]).status == 1,
            "the old key alone no longer opens the practice's data key")
        try? FileManager.default.removeItem(at: folder)
        await cli.database.drop()
    }
}
