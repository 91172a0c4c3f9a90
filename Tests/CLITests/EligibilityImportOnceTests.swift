import Foundation
import Postgres
import Testing
import TestSupport

/// The 271 import's bulk path (one identity read, one key look-up and one append call per practice; V0023): each answer
/// is recorded exactly once however the files repeat or overlap, and a refused file writes nothing.
@Suite("A 271's answers are recorded once, through the bulk path")
struct EligibilityImportOnceTests {
    /// Three more patients of acme with Aetna coverage and a session in `month`, beside the seeded one; their keys.
    static func patients(_ cli: CLI, month: String) throws -> [String] {
        var keys: [String] = []
        for index in 0..<3 {
            let key = try cli.ok([
                "patient", "add", "--tenant", "acme", "--first", "Once\(index)", "--last", "Askwell", "--dob", "1981-03-0\(index + 1)", "--member-id",
                "ON\(index)55", "--address", "2 Elm St, Springfield, IL 62701",
            ])
            _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--from", "2026-01-01"])
            keys.append(key)
        }
        return keys
    }

    static func session(_ cli: CLI, _ patient: String, month: String) throws {
        _ = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", patient, "--date", "\(month)-01", "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
            "--service", "90834=120.00",
        ])
    }

    /// A monthly batch of 270s and the simulated payer's 271 for it: the 271's text.
    static func answered(_ cli: CLI, month: String, out: URL, name: String) throws -> String {
        let directory = out.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let wrote = try cli.ok(["eligibility", "batch", "--tenant", "acme", "--month", month, "--out", directory.path])
        let path = try #require(wrote.split(separator: "\n").first.map { String($0.dropFirst("wrote ".count).prefix { $0 != ":" }) })
        let answers = try cli.ok(["simulate", "payer", path, "--out", directory.appendingPathComponent("271").path, "--seed", "9"])
        return try String(contentsOfFile: answers, encoding: .utf8)
    }

    @Test("the same traces twice in a file, a re-import and an overlapping file: each answer once; a refused file writes nothing")
    func answersOnce() async throws {
        let cli = try await CLI.make("eligibility_once")
        let seeded = try cli.seedPractice()
        let month = String(CLI.daysAgo(2).prefix(7))
        let others = try Self.patients(cli, month: month)
        let out = try EligibilityLoopTests.scratch("elig-once")
        func file(_ name: String, _ text: String) throws -> String {
            let path = out.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// Imports `text`; checks what it says and that it appended exactly `recorded` business events.
        func imported(_ name: String, _ text: String, recorded: Int, repeated: Int) async throws {
            let before = try await cli.businessEventCount()
            let output = try cli.ok(["eligibility", "import", try file(name, text)])
            #expect(output.contains("\(recorded) answer(s) recorded, \(repeated) already recorded"), "\(name): \(output)")
            #expect(try await cli.businessEventCount() == before + Int64(recorded), "\(name)")
        }

        for patient in [seeded, others[0]] { try Self.session(cli, patient, month: month) }
        let first = try Self.answered(cli, month: month, out: out, name: "a")   // 2 traces
        try await imported("twice.271", first + first, recorded: 2, repeated: 2)
        try await imported("again.271", first, recorded: 0, repeated: 2)

        try Self.session(cli, others[1], month: month)
        let second = try Self.answered(cli, month: month, out: out, name: "b")   // 3 new traces
        try await imported("overlap.271", first + second, recorded: 3, repeated: 2)

        // A file whose every answer is ours but one: refused whole, not even the reads of identities are kept.
        try Self.session(cli, others[2], month: month)
        let third = try Self.answered(cli, month: month, out: out, name: "c")   // 4 new traces
        let trace = try #require(first.split(separator: "~").first { $0.contains("TRN*2*") }).split(separator: "*")[2]
        let stranger = first.replacingOccurrences(of: "TRN*2*\(trace)*", with: "TRN*2*999999-1*")
        let everything = try await cli.eventCount()
        let refused = try cli.run(["eligibility", "import", try file("refused.271", third + stranger)])
        #expect(refused.status == 1, "\(refused.standardOutput)")
        #expect(refused.standardError.contains("TRN*2 999999-1 at segment"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("Askwell") && !refused.standardError.contains("ON055"), "no PHI in errors")
        #expect(try await cli.eventCount() == everything, "nothing written")
        try await imported("third.271", third, recorded: 4, repeated: 0)
        let connection = try await cli.database.connect()
        let answers = try await connection.query(
            SQL(
                "answers",
                "SELECT count(*) AS n, count(DISTINCT metadata ->> 'idempotency_key') AS d FROM rcm.events WHERE event_type = 'eligibility.checked'"))
        #expect(try answers.first!.decode("n", as: Int64.self) == 9 && answers.first!.decode("d", as: Int64.self) == 9, "9 traces, each answered once")
        await cli.database.drop()
    }
}
