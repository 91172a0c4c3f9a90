import Foundation
import Testing
import TestSupport

/// Through the binary: a claim whose 837P could not be valid is kept home at scrub with the reason and no
/// PHI (a name over the 837P's length, MH033, is refused earlier, by patient add); one whose names need plain characters is scrubbed with a warning, sent, and passes pyx12.
@Suite("837P identities through rcm: refused at scrub, or sent plain and valid")
struct IdentityScrubTests {
    /// A patient of acme with coverage, a session and a claim; returns the claim id.
    static func claim(_ cli: CLI, first: String, last: String, memberID: String, address: String) throws -> String {
        let key = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", first, "--last", last, "--dob", "1979-02-03",
            "--member-id", memberID, "--address", address,
        ])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--copay", "20.00", "--from", "2026-01-01"])
        let session = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(4), "--provider", "dr-lee",
            "--minutes", "45", "--dx", "F41.1", "--service", "90834=120.00",
        ])
        return try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
    }

    @Test("no member id, a name in another alphabet, an unreadable address: each kept home with its rule, naming no value")
    func refused() async throws {
        let cli = try await CLI.make("id_refused")
        _ = try cli.seedPractice()
        let cases: [(String, String, String, String, String)] = [
            ("Nomember", "Ulla", "", "1 Elm St, Springfield, IL 62701", "MH032"),
            ("Чернова", "Ulla", "LP901", "1 Elm St, Springfield, IL 62701", "MH034"),
            ("Noaddress", "Ulla", "LP902", "1 Elm St Springfield IL", "MH036"),
        ]
        for (last, first, member, address, rule) in cases {
            let claim = try Self.claim(cli, first: first, last: last, memberID: member, address: address)
            let scrub = try cli.run(["claims", "scrub", claim, "--tenant", "acme", "--format", "csv"])
            #expect(scrub.status == 1, "\(rule): kept home")
            let text = scrub.standardOutput + scrub.standardError
            #expect(text.contains(",error,\(rule),"), "\(rule): \(text)")
            for value in [last, first, address] + (member.isEmpty ? [] : [member]) {
                #expect(!text.contains(value), "\(rule): the scrubber's words hold no PHI")
            }
        }
        let submitted = try cli.run(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", FileManager.default.temporaryDirectory.appendingPathComponent("id-\(cli.database.name)").path])
        #expect(!submitted.standardOutput.contains("wrote "), "no claim was ready, so no file")
        await cli.database.drop()
    }

    @Test("accents and a curly apostrophe: a warning, then an 837P written in plain characters that pyx12 finds clean")
    func sentPlain() async throws {
        let cli = try await CLI.make("id_plain")
        _ = try cli.seedPractice()
        let claim = try Self.claim(cli, first: "José", last: "Muñoz-O’Hara", memberID: "LP903", address: "7 Rue Française, Springfield, IL 62701")
        let scrub = try cli.ok(["claims", "scrub", claim, "--tenant", "acme", "--format", "csv"])
        #expect(scrub.contains(",warning,MH035,") && scrub.contains("The patient's last name is written in the 837P with accents"))
        #expect(!scrub.contains("Mu") && !scrub.contains("Jos") && !scrub.contains("Rue"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("id-\(cli.database.name)")
        let wrote = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: path)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("NM1*IL*1*Munoz-O'Hara*Jose****MI*LP903~"))
        #expect(file.contains("N3*7 Rue Francaise~"))
        try? FileManager.default.removeItem(at: out)
        await cli.database.drop()
    }
}
