import Foundation
import Testing
import TestSupport

/// Our 270s (`rcm eligibility check` and `batch`) and 276s (`rcm status inquire`) held against LinuxForHealth's X12
/// library (`Scripts/x12-lfh`, PyPI linuxforhealth-x12, a reader that is not ours), a broken file of each refused,
/// and our reading of the library's own 271 and 277 samples compared with the library's. The script installs the
/// library when it is missing; a test fails (never skips) when it cannot.
@Suite("Our 270s and 276s against LinuxForHealth's X12 library (Scripts/x12-lfh)")
struct LinuxForHealthValidatorTests {
    static var script: String { Repository.root.appendingPathComponent("Scripts/x12-lfh").path }

    /// Runs the script; its exit status and output, unjudged.
    static func lfh(_ arguments: [String]) throws -> Shell.Output { try Shell.run([script] + arguments, check: false) }

    /// Requires the script to find every file clean.
    static func clean(_ paths: [String]) throws {
        let output = try lfh(paths)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.split(separator: "\n").map(String.init) == paths.map { "\($0): clean" }, "\(output.standardOutput)")
    }

    /// `text` written beside `path` as `name`.
    static func variant(of path: String, named name: String, _ change: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the change to \(name) changed nothing")
        let url = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name)
        try changed.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The path in `wrote …: …` lines.
    static func written(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.map { String($0.dropFirst("wrote ".count).prefix { $0 != ":" }) }
    }

    @Test("rcm eligibility check and batch write 270s the library reads clean, every EQ of every member; broken ones are refused naming what")
    func eligibilityInquiries() async throws {
        let cli = try await CLI.make("lfh_270")
        let key = try cli.seedPractice()
        let second = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", "Odile", "--last", "Vantwerp", "--dob", "1975-09-30", "--member-id", "WQX11223344",
            "--address", "4 Oak Rd, Springfield, IL 62701",
        ])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", second, "--payer", "aetna", "--from", "2026-01-01"])
        for patient in [key, second] {
            _ = try cli.ok([
                "session", "log", "--tenant", "acme", "--patient", patient, "--date", "2026-11-03", "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
                "--service", "90834=98.00",
            ])
        }
        let out = try EligibilityLoopTests.scratch("lfh-270")
        let one = try #require(Self.written(try cli.ok(["eligibility", "check", "--tenant", "acme", "--patient", key, "--date", "2026-12-01", "--out", out.path])).first)
        let batch = Self.written(try cli.ok(["eligibility", "batch", "--tenant", "acme", "--month", "2026-11", "--out", out.appendingPathComponent("batch").path]))
        #expect(batch.count == 1)
        let text = try String(contentsOfFile: try #require(batch.first), encoding: .utf8)
        #expect(text.components(separatedBy: "HL*").count - 1 == 4, "source, receiver and two subscribers")
        #expect(text.components(separatedBy: "EQ*").count - 1 > 2, "several EQs per member: the script checks each")
        try Self.clean([one] + batch)

        // Broken: a service type outside the code list (the library's EQ01 enumeration), in the first EQ of the member.
        let badType = try Self.variant(of: one, named: "bad-eq.270") { $0.replacingOccurrences(of: "EQ*30~", with: "EQ*Q9~") }
        let refusedType = try Self.lfh([badType])
        #expect(refusedType.status == 1)
        #expect(refusedType.standardOutput.contains("eq_segment.service_type_code") && refusedType.standardOutput.contains("not in the code list"), "\(refusedType.standardOutput)")
        // Broken: SE01 one short (the library counts), and a second DMG the model would silently drop.
        let badCount = try Self.variant(of: one, named: "bad-count.270") { text in
            text.replacingOccurrences(of: #"~(\s*)SE\*\d+\*"#, with: "~$1SE*9*", options: .regularExpression)
        }
        let refusedCount = try Self.lfh([badCount])
        #expect(refusedCount.status == 1 && refusedCount.standardOutput.contains("SE segment count 9 != actual count"), "\(refusedCount.standardOutput)")
        let twice = try Self.variant(of: one, named: "two-dmg.270") { text in
            guard let dmg = text.range(of: #"DMG\*[^~]*~"#, options: .regularExpression),
                let count = text.range(of: #"~\s*SE\*\d+\*"#, options: .regularExpression)
            else { return text }
            let trailer = String(text[count])
            guard let digits = trailer.range(of: #"\d+"#, options: .regularExpression), let n = Int(trailer[digits]) else { return text }
            let segment = String(text[dmg])
            return text.replacingOccurrences(of: trailer, with: trailer.replacingCharacters(in: digits, with: "\(n + 1)"))
                .replacingOccurrences(of: segment, with: segment + segment)
        }
        let refusedTwice = try Self.lfh([twice])
        #expect(refusedTwice.status == 1 && !refusedTwice.standardOutput.contains("SE element SE01"), "SE01 counts the second DMG: \(refusedTwice.standardOutput)")
        #expect(refusedTwice.standardOutput.contains(twice + ": "), "a segment the model keeps once: \(refusedTwice.standardOutput)")
        // Broken envelope, which the library skips and the script checks: IEA02 not ISA13.
        let badEnvelope = try Self.variant(of: one, named: "bad-iea.270") { $0.replacingOccurrences(of: #"IEA\*1\*\d+~"#, with: "IEA*1*000000999~", options: .regularExpression) }
        let refusedEnvelope = try Self.lfh([badEnvelope])
        #expect(refusedEnvelope.status == 1 && refusedEnvelope.standardOutput.contains("IEA element IEA02"), "\(refusedEnvelope.standardOutput)")
        await cli.database.drop()
    }

    @Test("rcm status inquire writes a 276 the library reads clean; a broken one is refused")
    func claimStatusInquiries() async throws {
        let cli = try await CLI.make("lfh_276")
        let (_, out) = try RemittanceLoopTests.submitted(cli, count: 3)
        let wrote = try ClaimStatusLoopTests.later(cli, ["status", "inquire", "--tenant", "acme", "--out", out.appendingPathComponent("276").path])
        let paths = Self.written(wrote)
        #expect(paths.count == 1 && wrote.contains("3 unanswered claim(s) chased"), "\(wrote)")
        try Self.clean(paths)
        let path = try #require(paths.first)
        // Broken: a claim's trace (TRN02) removed, which the library requires.
        let broken = try Self.variant(of: path, named: "bad-trn.276") { $0.replacingOccurrences(of: #"TRN\*1\*[^*~]+"#, with: "TRN*1*", options: .regularExpression) }
        let refused = try Self.lfh([broken])
        #expect(refused.status == 1 && refused.standardOutput.contains("trn_segment"), "\(refused.standardOutput)")
        await cli.database.drop()
    }

    static let samples = Repository.root.appendingPathComponent("Tests/X12Tests/Fixtures")

    /// `rcm x12 inspect --format json` of a file, as JSON.
    static func inspected(_ path: String) throws -> [String: Any] {
        let output = try Shell.run([Repository.rcmBinary.path, "x12", "inspect", path, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    }

    /// What the library read of a file (`Scripts/x12-lfh --read`), as JSON.
    static func theirs(_ path: String) throws -> [[String: Any]] {
        let output = try lfh(["--read", path])
        #expect(output.status == 0, "\(output.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(json["error"] == nil, "the library could not read \(path): \(json["error"] ?? "")")
        return try #require(json["sets"] as? [[String: Any]])
    }

    @Test(
        "our reading of the library's own 271 samples agrees with the library's: traces, and each benefit by service type, code and amount",
        arguments: ["eligibility/271-lfh-subscriber.x12", "eligibility/271-lfh-dependent.x12"])
    func eligibilityResponses(sample: String) throws {
        let path = Self.samples.appendingPathComponent(sample).path
        let ours = try #require((try Self.inspected(path)["eligibilityResponses"] as? [[String: Any]]))
        let theirs = try Self.theirs(path)
        #expect(ours.count == theirs.count && !ours.isEmpty)
        var compared = 0
        defer { #expect(compared >= 5, "benefits compared in \(sample): \(compared)") }
        for (mine, their) in zip(ours, theirs) {
            let answers = try #require(mine["answers"] as? [[String: Any]])
            let members = try #require(their["members"] as? [[String: Any]])
            #expect(answers.count == members.count && !answers.isEmpty)
            for (answer, member) in zip(answers, members) {
                #expect(answer["trace"] as? String == member["trace"] as? String)
                // Ours: benefits by service type, each `CODE … AMOUNT …`; theirs: each EB with its service types.
                var ourBenefits: [String] = []
                for (type, briefs) in try #require(answer["benefits"] as? [String: [String]]) {
                    for brief in briefs {
                        let amount = brief.split(separator: " ").first { $0.contains(".") && Decimal(string: String($0)) != nil }.map { "\(Decimal(string: String($0))!)" } ?? "-"
                        ourBenefits.append("\(type) \(brief.split(separator: " ")[0]) \(amount)")
                    }
                }
                var theirBenefits: [String] = []
                for benefit in try #require(member["benefits"] as? [[String: Any]]) {
                    let types = (benefit["serviceTypes"] as? [String]).flatMap { $0.isEmpty ? nil : $0 } ?? ["-"]
                    let amount = (benefit["amount"] as? String).map { "\(Decimal(string: $0)!)" } ?? "-"
                    for type in types { theirBenefits.append("\(type) \(benefit["code"] as? String ?? "?") \(amount)") }
                }
                #expect(ourBenefits.sorted() == theirBenefits.sorted(), "\(sample)")
                compared += ourBenefits.count
            }
        }
    }

    @Test("our reading of the library's own 277 (X212) sample agrees with the library's: trace, claim numbers, every status, charge")
    func claimStatusResponses() throws {
        let path = Self.samples.appendingPathComponent("corpus/277-lfh-claim-status-x212.x12").path
        let ours = try #require((try Self.inspected(path)["claimStatusResponses"] as? [[String: Any]])?.first?["answers"] as? [[String: Any]])
        let theirs = try #require(try Self.theirs(path).first?["claims"] as? [[String: Any]])
        #expect(ours.count == 3 && theirs.count == 3)
        for (mine, their) in zip(ours, theirs) {
            #expect(mine["trace"] as? String == their["trace"] as? String)
            #expect(mine["claimNumber"] as? String == their["claimNumber"] as? String)
            #expect(mine["payerClaimNumber"] as? String == their["payerClaimNumber"] as? String)
            #expect(mine["statuses"] as? [String] == their["statuses"] as? [String])
            let charge = mine["charge"].map { "\($0)" }.flatMap { Decimal(string: $0) }
            #expect(charge != nil && charge == (their["charge"] as? String).flatMap { Decimal(string: $0) }, "\(mine) \(their)")
        }
    }
}
