import Foundation
import Postgres
import Testing
import TestSupport

/// Through the binary: after `patient forget` and `tenant offboard`, no planted identifier is left in any
/// column of any table the catalog lists; the chain verifies; the events say what was destroyed and where.
@Suite("Destruction that destroys: every table and column scanned afterwards")
struct DestructionScanTests {
    /// The planted identifiers of the seeded patient (`CLI.seedPractice`), in the forms files and tables hold them.
    static let zebediah = ["Zebediah", "Quaxworth", "WQX99887766", "1988-04-12", "19880412", "9 Birch Rd"]
    /// A second patient of the same practice, who is not forgotten.
    static let ottoline = ["Ottoline", "Brackenbury", "OBX31415926"]
    /// The patient of the practice that is offboarded.
    static let ignatius = ["Ignatius", "Fennimore", "IFX27182818", "1969-07-20", "19690720", "44 Quillon Way"]

    /// Logs a session, creates and scrubs a claim for `key`.
    static func claim(_ cli: CLI, tenant: String, key: String, covered: Bool = false) throws {
        if !covered { _ = try cli.ok(["coverage", "add", "--tenant", tenant, "--patient", key, "--payer", "aetna", "--copay", "20.00", "--from", "2026-01-01"]) }
        let session = try cli.ok([
            "session", "log", "--tenant", tenant, "--patient", key, "--date", CLI.daysAgo(4), "--provider", "dr-lee", "--minutes", "45",
            "--dx", "F41.1", "--service", "90834=120.00",
        ])
        let claim = try cli.ok(["claims", "create", "--tenant", tenant, "--patient", key, "--payer", "aetna", "--sessions", session])
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", tenant])
    }

    /// Submits the practice's claims, lets the simulated payer answer, imports every answer.
    static func roundTrip(_ cli: CLI, tenant: String, folder: URL) throws {
        let wrote = try cli.ok(["claims", "submit", "--tenant", tenant, "--payer", "aetna", "--out", folder.appendingPathComponent("837").path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        let answers = try cli.ok(["simulate", "payer", path, "--out", folder.appendingPathComponent("payer").path, "--seed", "7"])
            .split(separator: "\n").map(String.init)
        #expect(answers.contains { RemittanceLoopTests.isKind($0, "835") }, "the payer paid")
        for answer in answers where !RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["ack", "import", answer]) }
        for answer in answers where RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["era", "import", answer]) }
    }

    @Test("patient forget by a staff login redacts the raw 837P, 277CA and 835 and deletes the identity: no trace in any column; others kept")
    func forgetLeavesNothing() async throws {
        let cli = try await CLI.make("destroy_forget")
        let key = try cli.seedPractice()
        let other = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", "Ottoline", "--last", "Brackenbury", "--dob", "1991-05-06", "--member-id", "OBX31415926", "--address", "3 Larch Ln, Springfield, IL 62701",
        ])
        try Self.claim(cli, tenant: "acme", key: key, covered: true)
        try Self.claim(cli, tenant: "acme", key: other)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("destroy-\(cli.database.name)")
        try Self.roundTrip(cli, tenant: "acme", folder: folder)
        let scan = DatabaseScan(connection: try await cli.database.connect())
        #expect(try await scan.columnCount() > 100, "the catalog lists the product's columns")
        #expect(try await scan.find(Self.zebediah + Self.ottoline) == [], "sealed: no identifier in clear text, even before destruction")
        #expect(try cli.ok(["patient", "show", key, "--tenant", "acme", "--reason", "test"]).contains("Quaxworth"), "the product still reads it")

        let staff = "t_clerk_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", staff, "--group", "staff"])
        _ = try cli.ok(["staff", "assign", staff, "--tenant", "acme"])
        let forgot = try cli.ok(["patient", "forget", key, "--tenant", "acme", "--reason", "retention ended"], as: staff)
        #expect(forgot.contains("destroyed") && forgot.contains("3 raw X12 file(s) redacted"), "\(forgot)")

        #expect(try await scan.find(Self.zebediah) == [], "nothing of the forgotten patient is left")
        #expect(try cli.ok(["patient", "show", other, "--tenant", "acme", "--reason", "test"]).contains("Brackenbury"), "the other patient stays")
        #expect(try cli.run(["patient", "show", key, "--tenant", "acme", "--reason", "test"]).standardOutput.contains("Quaxworth") == false)
        #expect(try cli.ok(["audit", "verify"]).contains(": ok"))
        let event: String = try await scan.connection.query(
            SQL("forgotten_payload", "SELECT payload::text AS p FROM rcm.events WHERE event_type = 'patient.identity_forgotten'")
        ).first!.decode("p")
        #expect(event.contains(#""store": "rcm_phi.x12_files""#) && event.contains(#""action": "redacted""#))
        #expect(event.contains(#""store": "rcm_phi.patient_identities""#) && event.contains(#""action": "deleted""#))
        try? FileManager.default.removeItem(at: folder)
        await cli.database.drop()
    }

    @Test("tenant offboard destroys every identity and raw file of the practice: no trace of its patients in any column")
    func offboardLeavesNothing() async throws {
        let cli = try await CLI.make("destroy_offboard")
        _ = try cli.seedPractice()
        _ = try cli.ok([
            "tenant", "add", "--slug", "gone", "--name", "Gone Counseling", "--time-zone", "America/Chicago", "--npi", "1234567893", "--tax-id",
            "987654321", "--street", "1 Elm St", "--city", "Peoria", "--state", "IL", "--zip", "616021234",
        ])
        _ = try cli.ok([
            "provider", "add", "--tenant", "gone", "--id", "dr-lee", "--first", "Dana", "--last", "Lee", "--npi", "1234567893", "--taxonomy",
            "103T00000X", "--licence", "psychologist",
        ])
        _ = try cli.ok(["payer", "enroll", "--tenant", "gone", "--payer", "aetna", "--providers", "dr-lee", "--rate", "90834=98.00"])
        let key = try cli.ok([
            "patient", "add", "--tenant", "gone", "--first", "Ignatius", "--last", "Fennimore", "--dob", "1969-07-20", "--member-id", "IFX27182818",
            "--address", "44 Quillon Way, Peoria, IL 61602", "--phone", "3095550199",
        ])
        try Self.claim(cli, tenant: "gone", key: key)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("destroy-\(cli.database.name)")
        try Self.roundTrip(cli, tenant: "gone", folder: folder)
        let scan = DatabaseScan(connection: try await cli.database.connect())
        #expect(try await scan.find(Self.ignatius + ["3095550199"]) == [], "sealed: nothing in clear text before offboarding")
        #expect(try cli.ok(["patient", "show", key, "--tenant", "gone", "--reason", "test"]).contains("Fennimore"), "the product still reads it")

        _ = try cli.ok(["tenant", "offboard", "--tenant", "gone", "--reason", "BAA ended"])
        #expect(try await scan.find(Self.ignatius + ["3095550199"]) == [], "nothing of the practice's patients is left")
        let keys: Int64 = try await scan.connection.query(SQL("keys_left", "SELECT count(*) AS n FROM rcm_phi.data_keys")).first!.decode("n")
        #expect(keys == 1, "the offboarded practice's data key is destroyed; the other practice keeps its own")
        #expect(try cli.ok(["audit", "verify"]).components(separatedBy: ": ok").count == 4)
        try? FileManager.default.removeItem(at: folder)
        await cli.database.drop()
    }
}
