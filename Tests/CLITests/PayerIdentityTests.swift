import Foundation
import Testing
import TestSupport

@Suite("Payers as they know themselves: X12 payer ids and aliases")
struct PayerIdentityTests {
    @Test("the 837P names the payer by its X12 payer id, never our id; an update changes it from its date, and show prints every version")
    func x12PayerIDOnTheClaim() async throws {
        let cli = try await CLI.make("payer_ids")
        let (file, _) = try RemittanceLoopTests.submitted(cli, count: 2)
        let sent = try String(contentsOfFile: file, encoding: .utf8)
        #expect(sent.contains("NM1*PR*2*Aetna*****PI*60054~"), "2010BB carries the X12 payer id")
        #expect(!sent.contains("*PI*aetna"), "our catalog id never leaves")

        _ = try cli.ok(["payer", "add", "--id", "cigna", "--name", "Cigna", "--payer-id", "62308", "--kind", "commercial", "--alias", "1590117660"])
        let today = CLI.daysAgo(0)
        _ = try cli.ok(["payer", "update", "--id", "aetna", "--payer-id", "60055", "--alias", "1066033492", "--effective", today])
        let shown = try cli.ok(["payer", "show", "aetna", "--format", "csv"])
        #expect(shown.contains("payer_id,60055"))
        // Aetna was added with the simulated payer's aliases; the update adds one more.
        let simulated = try cli.simulatedPayerAliases("60054").joined(separator: " ")
        #expect(shown.contains("aliases,\(simulated) 1066033492"))
        #expect(shown.contains("from added,Aetna; payer id 60054; aliases \(simulated)\n"))
        #expect(shown.contains("from \(today),Aetna; payer id 60055; aliases \(simulated) 1066033492"))

        let before = try await cli.eventCount()
        let taken = try cli.run(["payer", "update", "--id", "aetna", "--alias", "1590117660", "--effective", today])
        #expect(taken.status == 1)
        #expect(taken.standardError.contains("payer id ‹--alias› already identifies cigna"))
        let unknown = try cli.run(["payer", "update", "--id", "nosuch", "--name", "X", "--effective", today])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("payer ‹--id› is not in the catalog"))
        let malformed = try cli.run(["payer", "add", "--id", "bad", "--name", "Bad", "--payer-id", "60 054*", "--kind", "commercial"])
        #expect(malformed.status == 1)
        #expect(try await cli.eventCount() == before, "refused updates write nothing")
        await cli.database.drop()
    }

    @Test("an 835 whose payer matches no catalog payer is refused naming the payer's name and id, and nothing is written")
    func unknownPayerRefused() async throws {
        let cli = try await CLI.make("payer_unknown")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 3)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "5", "--reject-percent", "0"])
            .split(separator: "\n").map(String.init)
        for answer in answers where RemittanceLoopTests.isKind(answer, "999") || RemittanceLoopTests.isKind(answer, "277") {
            _ = try cli.ok(["ack", "import", answer])
        }
        guard let remit = answers.first(where: { RemittanceLoopTests.isKind($0, "835") }) else {
            Issue.record("no 835")
            return
        }
        // The payer's 835 under ids the catalog has never heard of: its REF*2U and TRN03 replaced by 77777.
        let stranger = out.appendingPathComponent("stranger.835").path
        var text = try String(contentsOfFile: remit, encoding: .utf8)
        let aliases = try cli.simulatedPayerAliases("60054")
        #expect(!aliases.isEmpty && aliases.allSatisfy { text.contains($0) })
        #expect(!aliases.contains("60054"), "the payer's 835 carries its own ids, not the id claims are sent to")
        for alias in aliases { text = text.replacingOccurrences(of: alias, with: "77777") }
        try text.write(toFile: stranger, atomically: true, encoding: .utf8)
        let before = try await cli.eventCount()
        let refused = try cli.run(["era", "import", stranger])
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("77777") && refused.standardOutput.contains("matches no payer of the catalog"))
        #expect(try await cli.eventCount() == before, "nothing written")

        // Once the id is known as an alias of the payer, the same file posts.
        _ = try cli.ok(["payer", "update", "--id", "aetna", "--alias", "77777", "--effective", CLI.daysAgo(0)])
        let posted = try cli.ok(["era", "import", stranger, "--format", "csv"])
        #expect(posted.contains("posted"))
        await cli.database.drop()
    }

    @Test("an 835 for a payee of no practice, or cut short, is refused naming what and where, exit 1, nothing written")
    func badRemittances() async throws {
        let cli = try await CLI.make("payer_bad835")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 2)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "7", "--reject-percent", "0"])
            .split(separator: "\n").map(String.init)
        let remit = try #require(answers.first { RemittanceLoopTests.isKind($0, "835") })
        let text = try String(contentsOfFile: remit, encoding: .utf8)
        let before = try await cli.eventCount()

        // The payee's NPI and tax id are another provider's.
        let stranger = out.appendingPathComponent("other-payee.835").path
        try text.replacingOccurrences(of: "*XX*1234567893~", with: "*XX*1245319599~").replacingOccurrences(of: "REF*TJ*123456789~", with: "REF*TJ*741234567~")
            .write(toFile: stranger, atomically: true, encoding: .utf8)
        let noPayee = try cli.run(["era", "import", stranger])
        #expect(noPayee.status == 1)
        #expect(noPayee.standardOutput.contains("XX 1245319599") && noPayee.standardOutput.contains("matches no practice"), "\(noPayee.standardOutput)")

        // The file stops in the middle of a claim.
        let truncated = out.appendingPathComponent("truncated.835").path
        let segments = text.split(separator: "~", omittingEmptySubsequences: true)
        try (segments.prefix(segments.count / 2).joined(separator: "~") + "~").write(toFile: truncated, atomically: true, encoding: .utf8)
        let cut = try cli.run(["era", "import", truncated])
        #expect(cut.status == 1)
        #expect(cut.standardError.contains("truncated.835") && cut.standardError.contains("segment"), "\(cut.standardError)")
        #expect(try await cli.eventCount() == before, "nothing written")
        await cli.database.drop()
    }
}
