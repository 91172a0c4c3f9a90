import Foundation
import Testing
import TestSupport

@Suite("Claim status through rcm: unanswered claims, 276 out, the simulated payer's 277 in")
struct ClaimStatusLoopTests {
    static let commands: [[String]] = [["claims", "unanswered"], ["status", "inquire"], ["status", "import"], ["status", "worklist"], ["eligibility", "route"], ["eligibility", "policy"]]

    @Test("every claim-status command explains itself with an example", arguments: commands)
    func help(command: [String]) throws {
        let output = try Shell.run([Repository.rcmBinary.path] + command + ["--help"], check: false)
        #expect(output.status == 0 && output.standardOutput.contains("Example"))
    }

    /// Runs as of a later business date; requires exit 0.
    static func later(_ cli: CLI, _ arguments: [String], days: Int = 40) throws -> String {
        let output = try cli.run(arguments, environment: ["RCM_BUSINESS_DATE": CLI.daysAgo(-days)])
        guard output.status == 0 else { throw Shell.Failure(output: output, command: arguments) }
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func claims(_ csv: String) -> [String] { csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) } }

    @Test("276 for unanswered claims only; the 277 moves them (finalized waits for the 835, pending waits, not found to the worklist); twice changes nothing")
    func loop() async throws {
        let cli = try await CLI.make("claim_status")
        let (_, out) = try RemittanceLoopTests.submitted(cli, count: 6)
        #expect(Self.claims(try cli.ok(["claims", "unanswered", "--tenant", "acme", "--format", "csv"])).isEmpty, "just sent: nothing is unanswered yet")
        let waiting = Self.claims(try Self.later(cli, ["claims", "unanswered", "--tenant", "acme", "--format", "csv"]))
        #expect(waiting.count == 6, "\(waiting)")

        let wrote = try Self.later(cli, ["status", "inquire", "--tenant", "acme", "--out", out.appendingPathComponent("276").path])
        #expect(wrote.contains("6 unanswered claim(s) chased"), "\(wrote)")
        let path = try #require(wrote.split(separator: "\n").first.map { String($0.dropFirst("wrote ".count).prefix { $0 != ":" }) })
        let inspected = try cli.ok(["x12", "inspect", path])
        #expect(inspected.split(separator: "\n").contains { $0.hasPrefix("276 ") && $0.contains(": 6 claim(s), total ") }, "\(inspected)")
        // The first seed whose answers mix all three (each answer is drawn from the seed and the claim's trace).
        var answer = ""
        for seed in 1...40 {
            answer = try cli.ok(["simulate", "payer", path, "--out", out.appendingPathComponent("277-\(seed)").path, "--seed", "\(seed)"])
            let text = try String(contentsOfFile: answer, encoding: .utf8)
            if text.contains("STC*P1:20") && text.contains("STC*F1:65") && text.contains("STC*A4:35") { break }
        }
        // inspect summarises the 277 (X212): each claim's trace and statuses by family, no member id.
        let answered = try cli.ok(["x12", "inspect", answer])
        #expect(answered.split(separator: "\n").contains { $0.hasPrefix("277 ") && $0.contains(": 6 claim(s): ") }, "\(answered)")
        #expect(answered.contains("PENDING P1:20") && answered.contains("FINALIZED F1:65") && answered.contains("ACKNOWLEDGED A4:35"), "\(answered)")
        #expect(!answered.contains("277CA"), "not read as a claim acknowledgment")
        let json = try cli.ok(["x12", "inspect", answer, "--format", "json"])
        #expect(json.contains("\"claimStatusResponses\"") && json.contains("\"byFamily\""), "\(json)")
        let before = try await cli.eventCount()
        let imported = try Self.later(cli, ["status", "import", answer])
        #expect(imported.contains("6 status(es) recorded"), "\(imported)")
        let lines = imported.split(separator: "\n")
        let pending = lines.filter { $0.contains("pending: keeps waiting") }.map { String($0.split(separator: " ")[2]) }
        let lost = lines.filter { $0.contains("to the worklist") }.map { String($0.split(separator: " ")[2]) }
        let finalized = lines.filter { $0.contains("finalized: expecting the 835") }
        #expect(pending.count + lost.count + finalized.count == 6)
        #expect(!pending.isEmpty && !finalized.isEmpty && !lost.isEmpty, "a mix: \(imported)")

        #expect(Set(Self.claims(try Self.later(cli, ["claims", "unanswered", "--tenant", "acme", "--format", "csv"]))) == Set(pending), "only pending claims stay unanswered")
        #expect(Set(Self.claims(try cli.ok(["status", "worklist", "--tenant", "acme", "--format", "csv"]))) == Set(lost))

        let after = try await cli.eventCount()
        #expect(after == before + 6)
        #expect(try Self.later(cli, ["status", "import", answer]).contains("0 status(es) recorded, 6 already recorded"))
        #expect(try await cli.eventCount() == after, "a second import appends nothing")

        let again = try Self.later(cli, ["status", "inquire", "--tenant", "acme", "--out", out.appendingPathComponent("276b").path])
        #expect(again.contains("\(pending.count) unanswered claim(s) chased"), "\(again)")

        let stranger = try String(contentsOfFile: answer, encoding: .utf8).replacingOccurrences(of: "TRN*2*", with: "TRN*2*9")
        let strangerPath = out.appendingPathComponent("stranger.277").path
        try stranger.write(toFile: strangerPath, atomically: true, encoding: .utf8)
        let refused = try cli.run(["status", "import", strangerPath])
        #expect(refused.status == 1 && refused.standardError.contains("answers no 276 we sent"), "\(refused.standardError)")
        await cli.database.drop()
    }
}
