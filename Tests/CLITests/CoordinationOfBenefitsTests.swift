import Foundation
import Testing
import TestSupport

/// Coordination of benefits through the binary: coverages in order, the primary's 835, the secondary's 837P
/// (validated by pyx12) with the primary's adjudication in loops 2320/2330/2430, the secondary's 835, and the
/// patient's statement; bad coverage orders refused with nothing written.
@Suite("Coordination of benefits through rcm")
struct CoordinationOfBenefitsTests {
    /// Plain simulator answers: every claim accepted and paid, nothing random but the plan's patient share.
    static let plain = [
        "--reject-percent", "0", "--deny-percent", "0", "--split-percent", "0", "--crossover-percent", "0",
        "--reverse-percent", "0", "--recoup-percent", "0", "--interest-percent", "0", "--adjustment-percent", "0",
    ]

    /// Runs the simulator on `file` and imports every answer in order; returns the 835 texts.
    static func answer(_ cli: CLI, _ file: String, out: URL, seed: String, options: [String] = plain) throws -> [String] {
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.path, "--seed", seed] + options)
            .split(separator: "\n").map(String.init)
        var remits: [String] = []
        for answer in answers {
            if RemittanceLoopTests.isKind(answer, "835") {
                remits.append(try String(contentsOfFile: answer, encoding: .utf8))
                _ = try cli.ok(["era", "import", answer])
            } else {
                _ = try cli.ok(["ack", "import", answer])
            }
        }
        return remits
    }

    /// An amount as X12 writes it: no trailing zeros after the point, no point when whole ("25.00" → "25").
    static func x12(_ amount: String) -> String {
        guard amount.contains(".") else { return amount }
        var text = amount
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func show(_ cli: CLI, _ claim: String) throws -> [String: String] {
        let csv = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
        var fields: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    @Test("primary → secondary → patient: the secondary 837P validates and carries the primary's adjudication; its 835 posts; the statement shows the rest")
    func primarySecondaryPatient() async throws {
        let cli = try await CLI.make("cob_chain")
        let key = try cli.seedPractice()
        let aliases = try cli.simulatedPayerAliases("01260").flatMap { ["--alias", $0] }
        _ = try cli.ok(["payer", "add", "--id", "carveout", "--name", "Harbor Behavioral Carve-out", "--payer-id", "01260", "--kind", "commercial"] + aliases)
        _ = try cli.ok(["payer", "enroll", "--tenant", "acme", "--payer", "carveout", "--providers", "dr-lee"])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "carveout", "--order", "secondary", "--from", "2026-01-01"])
        let session = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(6), "--provider", "dr-lee", "--minutes", "60", "--dx", "F33.1",
            "--service", "90837=200.00",
        ])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cob-\(cli.database.name)")
        let first = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.appendingPathComponent("837").path])
        let primaryFile = String(first.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: primaryFile)
        let primaryText = try String(contentsOfFile: primaryFile, encoding: .utf8)
        #expect(primaryText.contains("SBR*P*18*") && primaryText.contains("SBR*S*18*"), "the primary's 837P names the secondary in 2320")
        #expect(primaryText.contains("*PI*01260~") && !primaryText.contains("AMT*D*"), "2330B the carve-out, nothing adjudicated yet")
        let primaryRemits = try Self.answer(cli, primaryFile, out: out.appendingPathComponent("aetna"), seed: "3")
        #expect(primaryRemits.contains { $0.contains("CLP*\(claim)*1*") })

        var fields = try Self.show(cli, claim)
        #expect(fields["status"] == "awaitingNextPayer" && fields["payer"] == "carveout", "\(fields)")
        let owedBySecondary = try #require(fields["insurance_balance"])
        #expect(owedBySecondary != "0.00" && fields["patient_balance"] == "0.00")

        // Not scrubbed for the secondary yet: refused with what to do; then scrubbed and sent like any claim.
        let early = try cli.run(["claims", "submit", "--tenant", "acme", "--payer", "carveout", "--claims", claim, "--out", out.appendingPathComponent("837s").path])
        #expect(early.status == 1 && early.standardError.contains("rcm claims scrub ‹--claims›"), "\(early.standardError)")
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let second = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "carveout", "--out", out.appendingPathComponent("837s").path])
        let secondaryFile = String(second.dropFirst("wrote ".count).prefix { $0 != ":" })
        #expect(second.contains("1 claim(s)"))
        try X12Validator.validate(path: secondaryFile)
        let text = try String(contentsOfFile: secondaryFile, encoding: .utf8)
        #expect(text.contains("SBR*S*18*"), "2000B: the carve-out is secondary")
        #expect(text.contains("SBR*P*18*"), "2320: the primary, as the other payer")
        #expect(text.contains("NM1*PR*2*AETNA*****PI*60054~") || text.contains("*PI*60054~"), "2330B: the primary by its X12 id")
        #expect(text.contains("AMT*D*") && text.contains("AMT*EAF*\(Self.x12(owedBySecondary))~"), "2320: paid by the primary, what it left")
        #expect(text.contains("SVD*60054*"), "2430: the primary's line payment")
        #expect(text.contains("CAS*CO*45*"), "2430: the primary's contractual adjustment")
        #expect(text.contains("DTP*573*D8*"), "2430: the primary's adjudication date")

        let secondaryRemits = try Self.answer(cli, secondaryFile, out: out.appendingPathComponent("carveout"), seed: "4")
        let remit = try #require(secondaryRemits.first { $0.contains("CLP*\(claim)*2*") }, "the carve-out pays as secondary")
        #expect(remit.contains("CAS*OA*23*"), "OA-23: the prior payer's impact")
        fields = try Self.show(cli, claim)
        #expect(fields["status"] == "adjudicated" && fields["insurance_balance"] == "0.00", "\(fields)")
        let owedByPatient = try #require(fields["patient_balance"])
        #expect(owedByPatient != "0.00", "the carve-out leaves coinsurance to the patient")

        let statements = out.appendingPathComponent("statements")
        _ = try cli.ok(["statement", "run", "--tenant", "acme", "--out", statements.path, "--format", "text"])
        let files = try FileManager.default.contentsOfDirectory(atPath: statements.path)
        let statement = try String(contentsOfFile: statements.appendingPathComponent(try #require(files.first)).path, encoding: .utf8)
        #expect(statement.contains(owedByPatient), "the statement shows what remains: \(owedByPatient)")
        await cli.database.drop()
    }

    @Test("bad coverage orders are refused with a clear sentence, exit 1 and nothing written")
    func badOrders() async throws {
        let cli = try await CLI.make("cob_refusals")
        let key = try cli.seedPractice()
        _ = try? cli.ok(["payer", "add", "--id", "medicaid", "--name", "State Medicaid", "--payer-id", "77027", "--kind", "medicaid", "--filing", "MC"])
        let bare = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", "Olwen", "--last", "Trask", "--dob", "1979-05-06", "--member-id", "OT55501",
            "--address", "4 Oak St, Springfield, IL 62701",
        ])
        let before = try await cli.eventCount()
        let cases: [([String], String)] = [
            (["--patient", bare, "--payer", "medicaid", "--order", "secondary"], "needs a primary coverage in force"),
            (["--patient", key, "--payer", "medicaid", "--order", "tertiary"], "needs a secondary coverage in force"),
            (["--patient", key, "--payer", "medicaid", "--order", "primary"], "already has an active ‹--order› coverage"),
            (["--patient", key, "--payer", "aetna", "--order", "secondary", "--from", "2026-03-01"], "already covers the patient"),
        ]
        for (arguments, message) in cases {
            var command = ["coverage", "add", "--tenant", "acme"] + arguments
            if !arguments.contains("--from") { command += ["--from", "2026-01-01"] }
            let result = try cli.run(command)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(try await cli.eventCount() == before, "nothing written")
        await cli.database.drop()
    }
}
