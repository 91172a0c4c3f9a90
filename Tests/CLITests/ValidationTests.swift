import Foundation
import Testing
import TestSupport

/// Issue 13, item 6: bad input is refused with a sentence naming what and where, exit 1 (64 for a malformed
/// option), and nothing written.
@Suite("Validation everywhere, through rcm")
struct ValidationTests {
    /// One claim of the seeded practice submitted, acknowledged and denied by the payer; returns the claim, its
    /// denial id and the working folder.
    static func deniedClaim(_ cli: CLI, _ name: String) throws -> (claim: String, denial: String, out: URL) {
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(cli.database.name)")
        let file = try cli.submitAetna(out: out)
        for answer in try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "4", "--reject-percent", "0",
            "--deny-percent", "100",
        ]).split(separator: "\n").map(String.init) {
            _ = try cli.ok([RemittanceLoopTests.isKind(answer, "835") ? "era" : "ack", "import", answer])
        }
        let shown = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
        let denial = try #require(shown.split(separator: "\n").first { $0.hasPrefix("denial ") }).dropFirst("denial ".count).prefix {
            $0 != ","
        }
        return (claim, String(denial), out)
    }

    @Test("claims create for a payer the catalog does not know is refused, naming the payer and those the practice bills")
    func unknownPayer() async throws {
        let cli = try await CLI.make("valid_payer")
        let key = try cli.seedPractice()
        let session = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(4), "--provider", "dr-lee", "--minutes", "45",
            "--dx", "F41.1",
            "--service", "90834=120.00",
        ])
        try await cli.refuses(
            ["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "nosuch", "--sessions", session],
            saying: "there is no payer ‹--payer› in the catalog: name one ‹--tenant› bills (aetna)")
        _ = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        await cli.database.drop()
    }

    @Test("a coverage or an authorization whose window ends before it starts is refused naming both dates' arguments (never their values)")
    func backwardWindows() async throws {
        let cli = try await CLI.make("valid_windows")
        let key = try cli.seedPractice()
        try await cli.refuses(
            [
                "coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--order", "secondary", "--from", "2026-06-01",
                "--through", "2026-01-31",
            ],
            saying: "would end (‹--through›) before it starts (‹--from›): check --from and --through")
        try await cli.refuses(
            [
                "auth", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--number", "AUTH-1", "--codes", "90834",
                "--units", "6", "--from",
                "2026-06-01", "--through", "2026-05-31",
            ], saying: "The authorization ‹--number› would end (‹--through›) before it starts (‹--from›)")
        _ = try cli.ok([
            "auth", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--number", "AUTH-1", "--codes", "90834", "--units",
            "6", "--from",
            "2026-06-01", "--through", "2026-06-01",
        ])
        await cli.database.drop()
    }

    @Test("a denial assigned to a login that does not exist, or does not work for the practice, is refused")
    func assignToUnknownLogin() async throws {
        let cli = try await CLI.make("valid_assign")
        let (claim, denial, _) = try Self.deniedClaim(cli, "assign")
        let login = "t_owner_\(UInt32.random(in: 0...UInt32.max))"
        try await cli.refuses(
            ["claims", "assign", claim, "--tenant", "acme", "--denial", denial, "--owner", login],
            saying: "there is no login ‹--owner›: add it with rcm staff add")
        _ = try cli.ok(["staff", "add", login, "--group", "staff"])
        try await cli.refuses(
            ["claims", "assign", claim, "--tenant", "acme", "--denial", denial, "--owner", login],
            saying: "login ‹--owner› does not work for ‹--tenant›: assign it first with rcm staff assign")
        _ = try cli.ok(["staff", "assign", login, "--tenant", "acme"])
        #expect(try cli.ok(["claims", "assign", claim, "--tenant", "acme", "--denial", denial, "--owner", login]).contains(login))
        await cli.database.drop()
    }

    @Test("an impossible --as-of or --known-at is a usage error naming the option (exit 64), never a database error")
    func impossibleDates() async throws {
        let cli = try await CLI.make("valid_dates")
        _ = try cli.seedPractice()
        for (option, value) in [
            ("--as-of", "2026-02-30"), ("--as-of", "2026-13-01"), ("--as-of", "0000-01-01"), ("--known-at", "0000-01-01T00:00:00Z"),
            ("--known-at", "0001-01-02T00:00:00Z"), ("--known-at", "2026-02-30T00:00:00Z"),
        ] {
            for report in ["aging", "ar", "kpis"] {
                let output = try await cli.refuses(
                    ["report", report, option, value], status: 64, saying: "The value '‹\(option)›' is invalid for '\(option)")
                #expect(!output.standardError.contains("SQLSTATE"))
            }
        }
        _ = try cli.ok(["report", "ar", "--as-of", "2028-02-29", "--known-at", "2026-12-01T00:00:00Z"])
        await cli.database.drop()
    }

    @Test("a 277CA dated before the claim was submitted is warned about, naming the file, the claim and both dates")
    func acknowledgmentBeforeSubmission() async throws {
        let cli = try await CLI.make("valid_ack_date")
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ackdate-\(cli.database.name)")
        let file = try cli.submitAetna(out: out)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "4", "--reject-percent", "0",
        ])
        .split(separator: "\n").map(String.init)
        let ack = try #require(answers.first { RemittanceLoopTests.isKind($0, "277") })
        // The same 277CA with its BHT04 (the date it was created) moved a year back.
        var segments = try String(contentsOfFile: ack, encoding: .utf8).split(separator: "~", omittingEmptySubsequences: false).map(
            String.init)
        let index = try #require(segments.firstIndex { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("BHT*") })
        var elements = segments[index].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        elements[4] = "20251201"
        segments[index] = elements.joined(separator: "*")
        let early = out.appendingPathComponent("early.277").path
        try segments.joined(separator: "~").write(toFile: early, atomically: true, encoding: .utf8)
        let today = CLI.daysAgo(0)
        let warned = try cli.run(["ack", "import", early])
        #expect(warned.status == 0 && warned.standardOutput.contains("claim \(claim) accepted"), "\(warned.standardOutput)")
        #expect(
            warned.standardError.contains("warning: early.277: the 277CA 0001 is dated 2025-12-01 but claim \(claim) was submitted on \(today)"),
            "\(warned.standardError)")
        // The payer's own file, dated the day it answered, warns of nothing.
        let plain = try cli.run(["ack", "import", ack])
        #expect(plain.status == 0 && !plain.standardError.contains("warning"))
        await cli.database.drop()
    }

    @Test(
        "a copay the payer took (PR-3) above the coverage's copay posts as the payer said, with a warning naming the claim and both amounts"
    )
    func copayContradictsCoverage() async throws {
        let cli = try await CLI.make("valid_copay")
        _ = try cli.seedPractice()
        // The simulated payer's plan for member CP103 takes a 30.00 copay a visit; the practice recorded 20.00.
        let key = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", "Demo", "--last", "Copayer", "--dob", "1979-03-04", "--member-id", "CP103",
            "--address",
            "1 Elm St, Springfield, IL 62701",
        ])
        _ = try cli.ok([
            "coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--copay", "20.00", "--from", "2026-01-01",
        ])
        let claim = try cli.draftClaim(patient: key)
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("copay-\(cli.database.name)")
        let file = try cli.submitAetna(out: out)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "4", "--reject-percent", "0",
            "--deny-percent", "0",
            "--split-percent", "0",
        ]).split(separator: "\n").map(String.init)
        let remit = try #require(answers.first { RemittanceLoopTests.isKind($0, "835") })
        #expect(try String(contentsOfFile: remit, encoding: .utf8).contains("*PR*3*30"), "the payer's plan takes 30.00")
        let posted = try cli.run(["era", "import", remit])
        #expect(posted.status == 0 && posted.standardOutput.contains("posted"))
        #expect(
            posted.standardError.contains(
                "warning: claim \(claim): the payer took a copay (PR-3) of 30.00 but the patient's aetna coverage has a copay of 20.00"),
            "\(posted.standardError)")
        await cli.database.drop()
    }
}
