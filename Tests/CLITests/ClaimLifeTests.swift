import Foundation
import Testing
import TestSupport

@Suite("A void reaches the payer: through rcm with the payer simulator")
struct ClaimLifeTests {
    /// An X12 file's segments, split with the delimiters its ISA declares.
    static func segments(_ path: String) throws -> [[String]] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let element = Character(UnicodeScalar(bytes[3])), terminator = bytes[105]
        return bytes.split(separator: terminator)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { $0.split(separator: element, omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("submit, 835 denies, void, submit again: the frequency-8 837P passes pyx12, names CLP07 in REF*F8, and the 277CA accepts it")
    func voidReachesPayer() async throws {
        let cli = try await CLI.make("claim_void")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 4)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "3", "--deny-percent", "100",
            "--reject-percent", "0",
        ]).split(separator: "\n").map(String.init)
        for answer in answers where RemittanceLoopTests.isKind(answer, "999") || RemittanceLoopTests.isKind(answer, "277") {
            _ = try cli.ok(["ack", "import", answer])
        }
        var icns: [String: String] = [:]
        for answer in answers where RemittanceLoopTests.isKind(answer, "835") {
            _ = try cli.ok(["era", "import", answer])
            for segment in try Self.segments(answer) where segment[0] == "CLP" { icns[segment[1]] = segment[7] }
        }
        // A denial with nothing posted (claim,status,payer,first_dos,charges,insurance_balance,patient_balance).
        let rows = try cli.ok(["claims", "list", "--tenant", "acme", "--status", "denied", "--format", "csv"])
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let row = try #require(rows.first { $0[6] == "0.00" }, "a denied claim with no patient balance: \(rows)")
        let claim = row[0]
        let icn = try #require(icns[claim])

        let voided = try cli.ok(["claims", "void", claim, "--tenant", "acme", "--reason", "wrong patient"])
        #expect(voided.contains("frequency 8") && voided.contains(icn), "\(voided)")
        #expect(try cli.ok(["claims", "list", "--tenant", "acme", "--status", "voidPending", "--format", "csv"]).contains(claim))
        #expect(try cli.ok(["claims", "list", "--help"]).contains("voidPending"), "the help lists the states")
        #expect(try cli.run(["claims", "list", "--tenant", "acme", "--status", "none"]).status != 0, "none is not a state")

        let wrote = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.appendingPathComponent("void").path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: path)
        let segments = try Self.segments(path)
        let clm = try #require(segments.first { $0[0] == "CLM" })
        #expect(clm[1] == claim && clm[5].hasSuffix(":8"), "\(clm)")
        #expect(segments.contains { $0.prefix(3) == ["REF", "F8", icn] }, "REF*F8 = CLP07 \(icn)")
        #expect(segments.filter { $0[0] == "CLM" }.count == 1, "only the void goes")

        let replies = try cli.ok(["simulate", "payer", path, "--out", out.appendingPathComponent("payer-void").path, "--seed", "4", "--reject-percent", "0"])
            .split(separator: "\n").map(String.init)
        #expect(!replies.contains { RemittanceLoopTests.isKind($0, "835") }, "a void gets no 835")
        let ack = try #require(replies.first { RemittanceLoopTests.isKind($0, "277") })
        #expect(try cli.ok(["ack", "import", ack]).contains("claim \(claim) accepted"))
        let listed = try cli.ok(["claims", "list", "--tenant", "acme", "--status", "voided", "--format", "csv"])
        #expect(listed.contains(claim))
        await cli.database.drop()
    }
}
