import Foundation
import Testing
import TestSupport

@Suite("Eligibility through rcm: 270 out, the simulated payer's 271 in")
struct EligibilityLoopTests {
    static let commands: [[String]] = [["eligibility", "check"], ["eligibility", "batch"], ["eligibility", "import"]]

    @Test("every eligibility command explains itself with an example", arguments: commands)
    func help(command: [String]) throws {
        let output = try Shell.run([Repository.rcmBinary.path] + command + ["--help"], check: false)
        #expect(output.status == 0 && output.standardOutput.contains("Example"))
    }

    /// Writes a 270 for the patient, lets the simulator answer it as `scenario`; returns (270 path, 271 path).
    static func asked(_ cli: CLI, patient: String, scenario: String, out: URL, date: String = "2026-12-01") throws -> (String, String) {
        let wrote = try cli.ok(["eligibility", "check", "--tenant", "acme", "--patient", patient, "--date", date, "--out", out.appendingPathComponent("270").path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        let answers = try cli.ok([
            "simulate", "payer", path, "--out", out.appendingPathComponent("271").path, "--seed", "5", "--eligibility-scenario", scenario, "--date", "2026-11-30",
        ])
        return (path, answers)
    }

    static func scratch(_ name: String) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        return out
    }

    @Test("a 270 read back by x12 inspect; each simulated 271 variant is recorded with its benefits; a second import appends nothing")
    func variants() async throws {
        let cli = try await CLI.make("eligibility_variants")
        let key = try cli.seedPractice()
        _ = try cli.ok(["payer", "add", "--id", "keystone", "--name", "Keystone Behavioral Health", "--payer-id", "DEMO06", "--kind", "commercial"])
        let out = try Self.scratch("elig")

        let (inquiry, first) = try Self.asked(cli, patient: key, scenario: "active", out: out)
        let inspected = try cli.ok(["x12", "inspect", inquiry])
        #expect(inspected.contains("270"), "\(inspected)")
        let text = try String(contentsOfFile: inquiry, encoding: .utf8)
        #expect(text.contains("EQ*MH~") && text.contains("EQ*A6~") && text.contains("EQ*AI~") && text.contains("DTP*291*D8*20261201~"))
        #expect(text.contains("NM1*PR*2*Aetna*****PI*60054~"), "the payer by its X12 payer id")

        let before = try await cli.businessEventCount()
        let active = try cli.ok(["eligibility", "import", first])
        #expect(active.contains("patient \(key), aetna, active, from 2026-01-01, through 2026-12-31"), "\(active)")
        #expect(active.contains("deductible remaining 0.00") && active.contains("visits 30 allowed") && !active.contains("authorization required"), "\(active)")
        #expect(active.contains("1 answer(s) recorded, 0 already recorded"))
        #expect(try await cli.businessEventCount() == before + 1)
        let again = try cli.ok(["eligibility", "import", first])
        #expect(again.contains("0 answer(s) recorded, 1 already recorded"), "\(again)")
        #expect(try await cli.businessEventCount() == before + 1, "re-import appends nothing but its reads of the identity")

        let expectations: [(String, [String])] = [
            ("inactive", ["aetna, inactive"]),
            ("endedLastMonth", ["aetna, inactive, from 2026-01-01, through 2026-11-30"]),
            ("deductibleNotMet", ["active", "deductible remaining"]),
            ("authorizationRequired", ["active", "authorization required"]),
            ("outOfNetwork", ["active", "out of network"]),
            ("carveOut", ["behavioral health is carved out to KEYSTONE BEHAVIORAL HEALTH MANAGEMENT (DEMO06)", "--to keystone --confirm", "1 carve-out(s) to route"]),
        ]
        for (scenario, expected) in expectations {
            let (_, answer) = try Self.asked(cli, patient: key, scenario: scenario, out: out)
            let imported = try cli.ok(["eligibility", "import", answer])
            for phrase in expected { #expect(imported.contains(phrase), "\(scenario): \(imported)") }
            #expect(!imported.contains("Quaxworth") && !imported.contains("WQX99887766"), "no PHI printed")
        }
        let deductible = try cli.ok(["eligibility", "import", try Self.asked(cli, patient: key, scenario: "deductibleNotMet", out: out).1])
        #expect(!deductible.contains("deductible remaining 0.00"), "\(deductible)")
        await cli.database.drop()
    }

    @Test("a 271 answering no inquiry we sent, from an unknown payer, for another patient, or truncated: refused, nothing written")
    func refusals() async throws {
        let cli = try await CLI.make("eligibility_refusals")
        let key = try cli.seedPractice()
        let out = try Self.scratch("elig-bad")
        let (_, answer) = try Self.asked(cli, patient: key, scenario: "active", out: out)
        let good = try String(contentsOfFile: answer, encoding: .utf8)
        let before = try await cli.eventCount()

        func refused(_ text: String, _ name: String, _ phrase: String) throws {
            let path = out.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try cli.run(["eligibility", "import", path])
            #expect(result.status == 1, "\(name): \(result.standardOutput)")
            #expect(result.standardError.contains(phrase), "\(name): \(result.standardError)")
            #expect(!result.standardError.contains("WQX99887766") && !result.standardError.contains("Quaxworth"), "no PHI in errors")
        }
        let trace = try #require(good.split(separator: "~").first { $0.contains("TRN*2*") }).split(separator: "*")[2]
        try refused(good.replacingOccurrences(of: "TRN*2*\(trace)*", with: "TRN*2*999999-1*"), "stranger.271", "TRN*2 999999-1 at segment")
        try refused(good.replacingOccurrences(of: "*PI*60054~", with: "*PI*99999~"), "payer.271", "payer Aetna (99999) is not a payer of the catalog")
        try refused(good.replacingOccurrences(of: "*MI*WQX99887766~", with: "*MI*ZZZ00000000~"), "patient.271", "unknown patient")
        try refused(String(good.prefix(good.count * 2 / 3)), "truncated.271", "is not a readable 271")
        #expect(try await cli.eventCount() == before, "nothing written")
        await cli.database.drop()
    }

    @Test("a monthly batch asks one interchange per payer for every patient seen that month")
    func batch() async throws {
        let cli = try await CLI.make("eligibility_batch")
        let key = try cli.seedPractice()
        let month = String(CLI.daysAgo(2).prefix(7))
        var seen = [key]
        for index in 0..<3 {
            let other = try cli.ok([
                "patient", "add", "--tenant", "acme", "--first", "Batch\(index)", "--last", "Askwell", "--dob", "1979-02-0\(index + 1)", "--member-id", "BA\(index)77",
                "--address", "1 Elm St, Springfield, IL 62701",
            ])
            _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", other, "--payer", "aetna", "--from", "2026-01-01"])
            if index < 2 { seen.append(other) }
        }
        for patient in seen {
            _ = try cli.ok([
                "session", "log", "--tenant", "acme", "--patient", patient, "--date", "\(month)-01", "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
                "--service", "90834=120.00",
            ])
        }
        let out = try Self.scratch("elig-batch")
        let wrote = try cli.ok(["eligibility", "batch", "--tenant", "acme", "--month", month, "--out", out.path])
        #expect(wrote.contains("3 patient(s) asked in 1 interchange(s), 0 skipped"), "\(wrote)")
        let path = try #require(wrote.split(separator: "\n").first.map { String($0.dropFirst("wrote ".count).prefix { $0 != ":" }) })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "TRN*1*").count - 1 == 3)
        let answers = try cli.ok(["simulate", "payer", path, "--out", out.appendingPathComponent("271").path, "--seed", "9"])
        #expect(try cli.ok(["eligibility", "import", answers]).contains("3 answer(s) recorded"))
        await cli.database.drop()
    }
}
