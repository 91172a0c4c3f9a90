import Foundation
import Testing
import TestSupport

/// Through the binary with the payer simulator: the denial worklist, its filters, and an appeal letter.
@Suite("Denials a clerk can work: rcm denials list and letter")
struct DenialWorklistTests {
    /// Rows of `denials list --format csv` as dictionaries by column.
    static func rows(_ cli: CLI, _ options: [String], environment: [String: String] = [:]) throws -> [[String: String]] {
        let output = try cli.run(["denials", "list", "--tenant", "acme", "--format", "csv"] + options, environment: environment)
        guard output.status == 0 else { throw Shell.Failure(output: output, command: options) }
        let lines = output.standardOutput.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("every denial listed with CO-style codes and their meaning; filters by owner, payer, reason, state and due window; days left from a fixed date; assigned and appealed rows keep reason and amount; the letter holds the claim's facts")
    func worklist() async throws {
        let cli = try await CLI.make("denials_worklist")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 4)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "3", "--deny-percent", "100",
            "--reject-percent", "0",
        ]).split(separator: "\n").map(String.init)
        for answer in answers where RemittanceLoopTests.isKind(answer, "999") || RemittanceLoopTests.isKind(answer, "277") {
            _ = try cli.ok(["ack", "import", answer])
        }
        for answer in answers where RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["era", "import", answer]) }

        let all = try Self.rows(cli, [])
        #expect(all.count == 4, "the simulator denied every claim: \(all)")
        // Every denial says why and how much, also one that moves the charge to the patient (PR-204).
        let worked = all.filter { $0["reason"]?.isEmpty == false }
        #expect(worked.count == all.count, "\(all)")
        try #require(worked.count >= 2)
        for row in worked {
            #expect(row["reason"]?.range(of: #"^(CO|PR|OA|PI)-[0-9A-Z]+"#, options: .regularExpression) != nil, "\(row)")
            #expect(row["meaning"]?.isEmpty == false && row["amount"] != "0.00" && row["status"] == "open" && row["payer"] == "aetna", "\(row)")
        }
        #expect(try !cli.ok(["claims", "show", all[0]["claim"]!, "--tenant", "acme"]).contains("contractual-"), "codes shown one way")

        let (assigned, appealed) = (worked[0], worked[1])
        // A denial is owned by a login that works for the practice.
        let owner = "t_jpark_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", owner, "--group", "staff"])
        _ = try cli.ok(["staff", "assign", owner, "--tenant", "acme"])
        _ = try cli.ok([
            "claims", "assign", assigned["claim"]!, "--tenant", "acme", "--denial", assigned["denial"]!, "--owner", owner, "--due", "2027-01-15",
        ])
        _ = try cli.ok(["claims", "appeal", appealed["claim"]!, "--tenant", "acme", "--denial", appealed["denial"]!, "--reference", "APL-1"])

        let mine = try Self.rows(cli, ["--owner", owner, "--today", "2027-01-05"])
        #expect(mine.count == 1 && mine[0]["claim"] == assigned["claim"] && mine[0]["status"] == "assigned", "\(mine)")
        #expect(mine[0]["reason"] == assigned["reason"] && mine[0]["amount"] == assigned["amount"], "assigned keeps reason and amount")
        #expect(mine[0]["due"] == "2027-01-15" && mine[0]["days_left"] == "10", "days left from the fixed date: \(mine)")
        let fromEnvironment = try Self.rows(cli, ["--owner", owner], environment: ["RCM_BUSINESS_DATE": "2027-01-20"])
        #expect(fromEnvironment.first?["days_left"] == "-5", "overdue by five days")

        let inAppeal = try Self.rows(cli, ["--status", "appealed"])
        #expect(inAppeal.count == 1 && inAppeal[0]["claim"] == appealed["claim"], "\(inAppeal)")
        #expect(inAppeal[0]["reason"] == appealed["reason"] && inAppeal[0]["amount"] == appealed["amount"], "appealed keeps reason and amount")

        #expect(try Self.rows(cli, ["--owner", "unassigned"]).count == all.count - 1)
        #expect(try Self.rows(cli, ["--payer", "aetna"]).count == all.count)
        #expect(try Self.rows(cli, ["--payer", "cigna"]).isEmpty)
        let reason = String(assigned["reason"]!.split(separator: " ")[0])
        let byReason = try Self.rows(cli, ["--reason", reason])
        #expect(!byReason.isEmpty && byReason.allSatisfy { $0["reason"]!.split(separator: " ").contains(Substring(reason)) })
        let byCARC = try Self.rows(cli, ["--reason", String(reason.split(separator: "-")[1])])
        #expect(byCARC.count == byReason.count, "a CARC alone matches the same rows")
        #expect(try Self.rows(cli, ["--reason", "CO-999"]).isEmpty)
        let soon = try Self.rows(cli, ["--due-within", "10", "--today", "2027-01-05"])
        #expect(soon.map(\.["claim"]) == [assigned["claim"]], "only the appeal due by 2027-01-15: \(soon)")
        #expect(try cli.run(["denials", "list", "--status", "bogus"]).status == 64)

        let letters = out.appendingPathComponent("letters")
        let wrote = try cli.ok(["denials", "letter", assigned["claim"]!, "--tenant", "acme", "--denial", assigned["denial"]!, "--out", letters.path])
        let html = try String(contentsOfFile: String(wrote.dropFirst("wrote ".count)), encoding: .utf8)
        for fact in [assigned["claim"]!, reason, assigned["meaning"]!.split(separator: ";")[0].description, "Loopington", "90834", "F41.1", "NPI 1234567893", "2027-01-15"] {
            #expect(html.contains(DocumentEscape.html(fact)), "the letter holds \(fact)")
        }
        #expect(!html.contains("Elm St"), "no address: the payer does not need it")
        let shown = try cli.ok(["claims", "show", assigned["claim"]!, "--tenant", "acme", "--format", "csv"])
        let key = try #require(shown.split(whereSeparator: \.isNewline).first { $0.hasPrefix("patient_key,") }?.split(separator: ",").last)
        let access = try cli.ok(["audit", "access", "--tenant", "acme", "--patient", String(key), "--format", "csv"])
        #expect(access.contains("appeal letter"), "the read is recorded: \(access)")
        let ambiguous = try cli.run(["denials", "letter", "NOSUCHCLAIM", "--tenant", "acme", "--out", letters.path])
        #expect(ambiguous.status == 1 && ambiguous.standardError.contains("there is no claim ‹argument›"))
        try? FileManager.default.removeItem(at: out)
        await cli.database.drop()
    }
}

/// HTML escaping as the document renderer does it, for comparing text with a rendered page.
enum DocumentEscape {
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
