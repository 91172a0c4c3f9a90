import Foundation
import Testing
import TestSupport

/// Through the binary: payer rules changed from a date of service on, and diagnosis pointers chosen per line.
@Suite("Payer rules and diagnosis pointers through rcm")
struct PayerRulesTests {
    /// A session of the seeded patient on a date with one service; returns the claim number, created and scrubbed.
    static func scrub(_ cli: CLI, patient: String, date: String, service: String, minutes: String = "60") throws -> (claim: String, scrub: Shell.Output) {
        let session = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", patient, "--date", date, "--provider", "dr-lee", "--minutes", minutes,
            "--dx", "F41.1", "--service", service,
        ])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", patient, "--payer", "aetna", "--sessions", session])
        return (claim, try cli.run(["claims", "scrub", claim, "--tenant", "acme", "--format", "csv"]))
    }

    @Test("rcm payer rules set requires an authorization for a code range from a date: 96130 is then kept home by MH011, 90834 and an earlier 96130 pass")
    func authorizationRange() async throws {
        let cli = try await CLI.make("rules_auth")
        let patient = try cli.seedPractice()
        let set = try cli.ok([
            "payer", "rules", "set", "--tenant", "acme", "--payer", "aetna", "--from", CLI.daysAgo(20), "--authorization", "96130-96133",
            "--copay", "30.00",
        ])
        #expect(set.contains("authorization 96130-96133") && set.contains("filing 90 days"), "the rest is kept: \(set)")

        let testing = try Self.scrub(cli, patient: patient, date: CLI.daysAgo(5), service: "96130=180.00")
        #expect(testing.scrub.status == 1, "kept home")
        #expect(testing.scrub.standardOutput.contains(",error,MH011,") && testing.scrub.standardOutput.contains("authorization for 96130"))
        #expect(testing.scrub.standardOutput.contains(",warning,MH042,"), "the coverage's 25.00 copay differs from the rule's 30.00")

        let therapy = try Self.scrub(cli, patient: patient, date: CLI.daysAgo(6), service: "90834=120.00", minutes: "45")
        #expect(therapy.scrub.status == 0, "90834 is outside the range: \(therapy.scrub.standardOutput)")
        let earlier = try Self.scrub(cli, patient: patient, date: CLI.daysAgo(30), service: "96130=180.00")
        #expect(earlier.scrub.status == 0, "before --from the enrolment's rule applies: \(earlier.scrub.standardOutput)")
        #expect(!earlier.scrub.standardOutput.contains("MH011"))

        let shown = try cli.ok(["payer", "rules", "show", "--tenant", "acme", "--payer", "aetna", "--format", "csv"])
        let rows = shown.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 && rows.last!.hasPrefix(CLI.daysAgo(20)) && rows.last!.contains("copay 30.00"), "\(shown)")

        let unsets = try cli.ok(["payer", "rules", "set", "--tenant", "acme", "--payer", "aetna", "--from", CLI.daysAgo(2), "--authorization", "none", "--copay", "none"])
        #expect(unsets.contains("authorization none") && !unsets.contains("copay"))
        await cli.database.drop()
    }

    @Test("a bad payer rule is refused with exit 1 naming what is wrong, and nothing is written")
    func refusals() async throws {
        let cli = try await CLI.make("rules_bad")
        _ = try cli.seedPractice()
        let before = try await cli.eventCount()
        let cases: [([String], String)] = [
            (["--authorization", "9613"], "--authorization: ‹--authorization› is not a procedure code"),
            (["--authorization", "90838-90832"], "--authorization: ‹--authorization› is not a procedure code"),
            (["--telehealth-pos", "77"], "77 is not a place of service"),
            (["--timely-filing-days", "0"], "timely filing days must be positive"),
            (["--copay", "lots"], "--copay: ‹--copay› is not an amount"),
            ([], "name at least one rule to change"),
        ]
        for (options, message) in cases {
            let output = try cli.run(["payer", "rules", "set", "--tenant", "acme", "--payer", "aetna", "--from", "2026-07-01"] + options)
            #expect(output.status == 1, "\(options)")
            #expect(output.standardError.contains(message), "\(options): \(output.standardError)")
        }
        let unknown = try cli.run(["payer", "rules", "set", "--tenant", "acme", "--payer", "cigna", "--from", "2026-07-01", "--appeal-days", "60"])
        #expect(unknown.status == 1 && unknown.standardError.contains("not enrolled with payer ‹--payer›"), "\(unknown.standardError)")
        #expect(try await cli.eventCount() == before, "nothing written")
        await cli.database.drop()
    }

    @Test("--pointers: a pointer past the session's diagnoses is refused with nothing written; chosen pointers reach SV107 and pass pyx12")
    func pointers() async throws {
        let cli = try await CLI.make("rules_pointers")
        let patient = try cli.seedPractice()
        let log = ["session", "log", "--tenant", "acme", "--patient", patient, "--date", CLI.daysAgo(4), "--provider", "dr-lee", "--minutes", "45"]
        let before = try await cli.eventCount()
        let past = try cli.run(log + ["--dx", "F41.1,F33.1", "--service", "90834=120.00", "--pointers", "3"])
        #expect(past.status == 1 && past.standardError.contains("pointer 3 for 90834 points at no diagnosis: the session lists 2"), "\(past.standardError)")
        let uneven = try cli.run(log + ["--dx", "F41.1", "--service", "90834=120.00", "--service", "90785=25.00", "--pointers", "1"])
        #expect(uneven.status == 1 && uneven.standardError.contains("one --pointers per --service"), "\(uneven.standardError)")
        let five = try cli.run(log + ["--dx", "F41.1,F33.1", "--service", "90834=120.00", "--pointers", "1,2,1"])
        #expect(five.status == 1 && five.standardError.contains("not 1 to 4 distinct diagnosis numbers"), "\(five.standardError)")
        #expect(try await cli.eventCount() == before, "nothing written")

        let session = try cli.ok(log + ["--dx", "F41.1,F33.1,Z63.0", "--service", "90834=120.00", "--pointers", "2,1", "--service", "90785=25.00", "--pointers", "3"])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", patient, "--payer", "aetna", "--sessions", session])
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pointers-\(cli.database.name)")
        let wrote = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: path)
        let sv1 = try ClaimLifeTests.segments(path).filter { $0[0] == "SV1" }
        #expect(sv1.map { $0[7] } == ["2:1", "3"], "SV107 \(sv1)")
        try? FileManager.default.removeItem(at: out)
        await cli.database.drop()
    }
}
