import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("837P out, payer answers in: the whole loop through rcm")
struct RemittanceLoopTests {
    /// A practice with `count` scrubbed claims, submitted; returns the 837P path and the output folder.
    /// Whether a simulated answer (`NNN-KIND-…`) is of a kind, read from its file name's kind field, not from its
    /// directory or control numbers, which may hold any digits.
    static func isKind(_ path: String, _ kind: String) -> Bool {
        let fields = URL(fileURLWithPath: path).lastPathComponent.split(separator: "-")
        return fields.count > 1 && fields[1].hasPrefix(kind)
    }

    static func submitted(_ cli: CLI, count: Int) throws -> (String, URL) {
        _ = try cli.seedPractice()
        for index in 0..<count {
            let key = try cli.ok([
                "patient", "add", "--tenant", "acme", "--first", "Demo\(index)", "--last", "Loopington", "--dob", "1980-01-0\(index % 9 + 1)",
                "--member-id", "LP\(index)00", "--address", "1 Elm St, Springfield, IL 62701",
            ])
            _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--copay", "20.00", "--coinsurance", "10", "--from", "2026-01-01"])
            let session = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(3 + index % 20), "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1", "--service", "90834=120.00"])
            let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
            _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(cli.database.name)")
        let wrote = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.appendingPathComponent("837").path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: path)
        return (path, out)
    }

    static func balances(_ cli: CLI) async throws -> [String: [String: Int64]] {
        let connection = try await cli.database.connect()
        let rows = try await connection.query(
            SQL("claim_event_counts", "SELECT event_type, count(*) AS n FROM rcm.events GROUP BY event_type"))
        var counts: [String: Int64] = [:]
        for row in rows.rows { counts[try row.decode("event_type")] = try row.decode("n") }
        return ["events": counts]
    }

    @Test("submit, simulate, import the 999, 277CA and 835s: every claim answered, the chain verifies, a repeat posts nothing")
    func fullLoop() async throws {
        let cli = try await CLI.make("loop_full")
        let (file, out) = try Self.submitted(cli, count: 12)
        let inspected = try cli.ok(["x12", "inspect", file])
        #expect(inspected.contains("837"))
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "11", "--deny-percent", "25", "--reject-percent", "10"])
            .split(separator: "\n").map(String.init)
        #expect(answers.count >= 3)
        for answer in answers where Self.isKind(answer, "999") || Self.isKind(answer, "277") {
            _ = try cli.ok(["ack", "import", answer])
        }
        for answer in answers where Self.isKind(answer, "835") {
            let posted = try cli.ok(["era", "import", answer, "--format", "csv"])
            #expect(posted.contains("posted"))
        }
        let before = try await cli.eventCount()
        for answer in answers {
            let again = try cli.run([Self.isKind(answer, "835") ? "era" : "ack", "import", answer])
            #expect(again.status == 0)
        }
        #expect(try await cli.eventCount() == before, "a repeated import appends nothing")
        let claims = try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]).split(separator: "\n").dropFirst()
        #expect(claims.count == 12)
        #expect(claims.allSatisfy { !$0.contains(",submitted,") && !$0.contains(",draft,") }, "every claim was answered")
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        // Reports answer in all three formats and a rebuild does not change them.
        var reports: [String: String] = [:]
        for report in ["aging", "ar", "denials", "kpis"] {
            for format in ["table", "csv", "json"] {
                reports["\(report).\(format)"] = try cli.ok(["report", report, "--format", format])
            }
        }
        #expect(reports["aging.csv"]?.contains("acme") == true)
        _ = try cli.ok(["projections", "rebuild"])
        for (key, value) in reports {
            let parts = key.split(separator: ".").map(String.init)
            #expect(try cli.ok(["report", parts[0], "--format", parts[1]]) == value, "\(key) unchanged by a rebuild")
        }
        let claimNumber = String(claims.first!.prefix { $0 != "," })
        let history = try cli.ok(["audit", "claim", claimNumber, "--tenant", "acme", "--format", "csv"])
        #expect(history.contains("claim.created") && history.contains("claim.submitted"))
        await cli.database.drop()
    }

    @Test("an unbalanced payment posts nothing until accepted with a reason, which is recorded")
    func imbalance() async throws {
        let cli = try await CLI.make("loop_imbalance")
        let (file, out) = try Self.submitted(cli, count: 3)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "5"]).split(separator: "\n").map(String.init)
        guard let remit = answers.first(where: { Self.isKind($0, "835") }) else { Issue.record("no 835"); return }
        var text = try String(contentsOfFile: remit, encoding: .utf8)
        // Change BPR02 (the check amount) so the check no longer balances.
        let bpr = text.range(of: "BPR*")!
        let fields = text[bpr.lowerBound...].prefix { $0 != "~" }.split(separator: "*", omittingEmptySubsequences: false)
        text = text.replacingOccurrences(of: fields.prefix(3).joined(separator: "*"), with: "\(fields[0])*\(fields[1])*999999.99")
        let tampered = out.appendingPathComponent("unbalanced.835").path
        try text.write(toFile: tampered, atomically: true, encoding: .utf8)
        let before = try await cli.eventCount()
        let refused = try cli.run(["era", "import", tampered])
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("does not balance"))
        #expect(try await cli.eventCount() == before)
        let accepted = try cli.ok(["era", "import", tampered, "--accept-imbalance", "--reason", "payer confirmed the check by phone"])
        #expect(accepted.contains("posted"))
        let connection = try await cli.database.connect()
        let reasons = try await connection.query(
            SQL("remit_reason", "SELECT count(*) AS n FROM rcm.events WHERE event_type = 'remittance.received' AND metadata ->> 'reason' = $1"),
            ["payer confirmed the check by phone"])
        #expect(try reasons.first!.decode("n", as: Int64.self) == 1)
        await cli.database.drop()
    }

    @Test("mutated 835s through rcm era import: a payment posts entirely or not at all, never partly")
    func mutantsNeverPostPartially() async throws {
        let cli = try await CLI.make("loop_mutants")
        let (file, out) = try Self.submitted(cli, count: 4)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "9"]).split(separator: "\n").map(String.init)
        guard let remit = answers.first(where: { Self.isKind($0, "835") }) else { Issue.record("no 835"); return }
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: remit)))
        var generator = SplitMix(seed: 42)
        let connection = try await cli.database.connect()
        let countSQL = SQL("remit_counts", "SELECT count(*) FILTER (WHERE event_type = 'remittance.received') AS payments, count(*) AS events FROM rcm.events")
        for round in 0..<120 {
            var bytes = original
            switch generator.next() % 3 {
            case 0: bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
            default:
                let start = Int(generator.next() % UInt64(bytes.count))
                bytes.removeSubrange(start..<min(bytes.count, start + Int(generator.next() % 40)))
            }
            let path = out.appendingPathComponent("mutant-\(round).835").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let before = try await connection.query(countSQL).first!
            let beforePayments: Int64 = try before.decode("payments"), beforeEvents: Int64 = try before.decode("events")
            let output = try cli.run(["era", "import", path])
            #expect([0, 1].contains(output.status), "round \(round): exit \(output.status)")
            let after = try await connection.query(countSQL).first!
            let afterPayments: Int64 = try after.decode("payments"), afterEvents: Int64 = try after.decode("events")
            if afterPayments == beforePayments {
                #expect(afterEvents == beforeEvents, "round \(round): events written without a payment")
            }
        }
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        await cli.database.drop()
    }
}

/// A small deterministic generator for the mutation test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
