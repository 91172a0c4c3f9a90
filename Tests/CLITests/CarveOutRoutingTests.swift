import Foundation
import Testing
import TestSupport

@Suite("Carve-out routing and the eligibility scrubber rules, through rcm")
struct CarveOutRoutingTests {
    static func session(_ cli: CLI, _ key: String, daysAgo: Int = 3) throws -> String {
        try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(daysAgo), "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
            "--service", "90834=98.00",
        ])
    }

    /// The scrub's rows as `severity,rule` for one claim (exit status ignored: errors exit 1).
    static func scrub(_ cli: CLI, _ claim: String) throws -> [String] {
        try cli.run(["claims", "scrub", claim, "--tenant", "acme", "--format", "csv"]).standardOutput.split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().prefix(2).joined(separator: ",") }
    }

    @Test("a carve-out blocks the card's payer at scrub, is proposed, confirmed, and the next claim to the carve-out payer passes MH060")
    func carveOut() async throws {
        let cli = try await CLI.make("eligibility_route")
        let key = try cli.seedPractice()
        _ = try cli.ok(["payer", "add", "--id", "keystone", "--name", "Keystone Behavioral Health", "--payer-id", "DEMO06", "--kind", "commercial"])
        _ = try cli.ok(["payer", "enroll", "--tenant", "acme", "--payer", "keystone", "--providers", "dr-lee", "--rate", "90834=98.00"])
        let session = try Self.session(cli, key)
        let unchecked = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        #expect(try Self.scrub(cli, unchecked).contains("warning,MH062"), "never checked: a warning, not a block")

        let out = try EligibilityLoopTests.scratch("route")
        let (_, answer) = try EligibilityLoopTests.asked(cli, patient: key, scenario: "carveOut", out: out, date: CLI.daysAgo(3))
        _ = try cli.ok(["eligibility", "import", answer])
        let blocked = try Self.scrub(cli, unchecked)
        #expect(blocked.contains("error,MH060") && !blocked.contains("warning,MH062"), "\(blocked)")

        let before = try await cli.eventCount()
        let proposed = try cli.ok(["eligibility", "route", "--tenant", "acme", "--patient", key, "--to", "keystone"])
        #expect(proposed.contains("KEYSTONE BEHAVIORAL HEALTH MANAGEMENT carries the behavioral-health benefit of aetna") && proposed.contains("Nothing recorded"))
        #expect(try await cli.eventCount() == before, "a proposal writes nothing")
        let refused = try cli.run(["eligibility", "route", "--tenant", "acme", "--patient", key, "--to", "aetna", "--confirm"])
        #expect(refused.status == 1 && refused.standardError.contains("no 271 of patient ‹--patient› names ‹--to›"))
        let routed = try cli.ok(["eligibility", "route", "--tenant", "acme", "--patient", key, "--to", "keystone", "--confirm"])
        #expect(routed.contains("routed (coverage"), "\(routed)")
        #expect(try cli.ok(["eligibility", "route", "--tenant", "acme", "--patient", key, "--to", "keystone", "--confirm"]).contains("already routed"))

        let next = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "keystone", "--sessions", try Self.session(cli, key, daysAgo: 2)])
        let findings = try Self.scrub(cli, next)
        #expect(!findings.contains("error,MH060") && !findings.contains("error,MH010"), "the carve-out payer is the coverage to bill: \(findings)")
        #expect(try Self.scrub(cli, unchecked).contains("error,MH060"), "the card's payer stays refused after routing")
        await cli.database.drop()
    }

    @Test("an inactive coverage blocks the claim at scrub (MH061); an older check than the policy warns (MH062)")
    func inactive() async throws {
        let cli = try await CLI.make("eligibility_inactive")
        let key = try cli.seedPractice()
        let session = try Self.session(cli, key)
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        let out = try EligibilityLoopTests.scratch("inactive")
        let (_, answer) = try EligibilityLoopTests.asked(cli, patient: key, scenario: "inactive", out: out, date: CLI.daysAgo(3))
        _ = try cli.ok(["eligibility", "import", answer])
        let result = try cli.run(["claims", "scrub", claim, "--tenant", "acme"])
        #expect(result.status == 1 && result.standardOutput.contains("MH061") && result.standardOutput.contains("inactive on \(CLI.daysAgo(3))"), "\(result.standardOutput)")

        let (_, active) = try EligibilityLoopTests.asked(cli, patient: key, scenario: "active", out: out, date: CLI.daysAgo(3))
        _ = try cli.ok(["eligibility", "import", active])
        #expect(try cli.run(["claims", "scrub", claim, "--tenant", "acme"]).status == 0, "the latest 271 says active")
        let current = try Self.scrub(cli, claim)
        #expect(!current.contains("warning,MH062"))
        _ = try cli.ok(["eligibility", "policy", "--tenant", "acme", "--days", "1"])
        let stale = try cli.run(["claims", "scrub", claim, "--tenant", "acme"], environment: ["RCM_BUSINESS_DATE": CLI.daysAgo(-5)])
        #expect(stale.standardOutput.contains("MH062") && stale.standardOutput.contains("No eligibility check in the last 1 days"), "\(stale.standardOutput)")
        await cli.database.drop()
    }
}
