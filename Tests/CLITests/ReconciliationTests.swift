import Foundation
import Testing
import TestSupport

/// Deposits reconciled by a person: rcm era list and show against figures read straight from the 835 files, and
/// unapplied money worked with era apply, hold, release and refund.
@Suite("Remittance reconciliation through rcm")
struct ReconciliationTests {
    /// An 835's figures read with nothing but string splitting: trace → (BPR02, Σ CLP04, Σ PLB amounts).
    static func figures(_ text: String) -> [String: (bpr: Decimal, clp: Decimal, plb: Decimal)] {
        var result: [String: (bpr: Decimal, clp: Decimal, plb: Decimal)] = [:]
        var trace = "", bpr = Decimal(0), clp = Decimal(0), plb = Decimal(0)
        for segment in text.split(separator: "~").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*", omittingEmptySubsequences: false).map(String.init) }) {
            switch segment.first {
            case "ST": (trace, bpr, clp, plb) = ("", 0, 0, 0)
            case "BPR": bpr = Decimal(string: segment[2])! * (segment[3] == "D" ? -1 : 1)
            case "TRN": trace = segment[2]
            case "CLP": clp += Decimal(string: segment[4])!
            case "PLB":
                var index = 4
                while index < segment.count { plb += Decimal(string: segment[index]) ?? 0; index += 2 }
            case "SE": result[trace] = (bpr, clp, plb)
            default: break
            }
        }
        return result
    }

    static func csvRows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("every posted payment is listed with BPR02, Σ claim payments and Σ PLB as the 835 states them, and reconciles")
    func listMatchesTheFiles() async throws {
        let cli = try await CLI.make("recon_list")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 8)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "9", "--reject-percent", "0"])
            .split(separator: "\n").map(String.init)
        var expected: [String: (bpr: Decimal, clp: Decimal, plb: Decimal)] = [:]
        for answer in answers {
            if RemittanceLoopTests.isKind(answer, "835") {
                _ = try cli.ok(["era", "import", answer])
                expected.merge(Self.figures(try String(contentsOfFile: answer, encoding: .utf8))) { $1 }
            } else {
                _ = try cli.ok(["ack", "import", answer])
            }
        }
        let rows = Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.count == expected.count)
        for row in rows {
            let trace = row["trace"] ?? ""
            guard let figures = expected[trace] else {
                Issue.record("payment \(trace) is in no file")
                continue
            }
            #expect(Decimal(string: row["bpr02"] ?? "") == figures.bpr, "\(trace) BPR02")
            #expect(Decimal(string: row["claim_payments"] ?? "") == figures.clp, "\(trace) Σ CLP04")
            #expect(Decimal(string: row["plb"] ?? "") == figures.plb, "\(trace) Σ PLB")
            #expect(row["state"] == "reconciled", "\(trace) has nothing left to work")
            let shown = try cli.ok(["era", "show", trace, "--tenant", "acme"])
            #expect(shown.contains("BPR02 \(row["bpr02"]!) = claim payments \(row["claim_payments"]!)") && shown.contains(": reconciles"))
        }
        let unknown = try cli.run(["era", "show", "NOSUCHTRACE", "--tenant", "acme"])
        #expect(unknown.status == 1 && unknown.standardError.contains("no payment with trace NOSUCHTRACE"))
        await cli.database.drop()
    }

    @Test("unapplied claim payments are applied to the claim a person names, held, released and refunded; each step shows in era show")
    func unappliedWorked() async throws {
        let cli = try await CLI.make("recon_work")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 4)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "3", "--reject-percent", "0", "--deny-percent", "0"])
            .split(separator: "\n").map(String.init)
        for answer in answers where !RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["ack", "import", answer]) }
        func claimNumbers(_ text: String) -> [String] {
            // Claims the payment paid something on (CLP04 > 0), so there is money to apply or refund.
            text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.hasPrefix("CLP*") }
                .map { $0.split(separator: "*").map(String.init) }.filter { (Decimal(string: $0[4]) ?? 0) > 0 }.map { $0[1] }
        }
        let remits = try answers.filter { RemittanceLoopTests.isKind($0, "835") }.map { try String(contentsOfFile: $0, encoding: .utf8) }
        var text = try #require(remits.max { claimNumbers($0).count < claimNumbers($1).count })
        let numbers = claimNumbers(text)
        try #require(numbers.count >= 2)
        // The payer mangled two claim numbers: the import keeps both payments unapplied.
        text = text.replacingOccurrences(of: "CLP*\(numbers[0])*", with: "CLP*XX\(numbers[0].dropFirst(2))*")
        text = text.replacingOccurrences(of: "CLP*\(numbers[1])*", with: "CLP*YY\(numbers[1].dropFirst(2))*")
        let mangled = out.appendingPathComponent("mangled.835").path
        try text.write(toFile: mangled, atomically: true, encoding: .utf8)
        _ = try cli.ok(["era", "import", mangled])
        let trace = try #require(Self.figures(text).keys.first)
        var rows = Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.first?["state"] == "unapplied")
        var shown = try cli.ok(["era", "show", trace, "--tenant", "acme"])
        #expect(shown.contains("U1") && shown.contains("U2") && shown.contains(": reconciles"), "\(shown)")

        // A wrong claim is refused with nothing written: the payment's charges are not that claim's.
        let before = try await cli.eventCount()
        let wrong = try cli.run(["era", "apply", trace, "--item", "U1", "--claim", numbers[1], "--tenant", "acme", "--reason", "guess"])
        #expect(wrong.status == 1, "\(wrong.standardError)")
        let noItem = try cli.run(["era", "apply", trace, "--item", "U9", "--claim", numbers[0], "--tenant", "acme", "--reason", "x"])
        #expect(noItem.status == 1 && noItem.standardError.contains("has no unapplied item U9"))
        #expect(try await cli.eventCount() == before)

        _ = try cli.ok(["era", "apply", trace, "--item", "U1", "--claim", numbers[0], "--tenant", "acme", "--reason", "payer mangled the claim number"])
        _ = try cli.ok(["era", "hold", trace, "--item", "U2", "--tenant", "acme", "--reason", "called the payer, ticket 4471"])
        shown = try cli.ok(["era", "show", trace, "--tenant", "acme"])
        #expect(shown.contains("applied") && shown.contains(numbers[0]) && shown.contains("called the payer, ticket 4471"))
        rows = Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.first?["state"] == "held")
        let claim = try cli.ok(["claims", "show", numbers[0], "--tenant", "acme", "--format", "csv"])
        #expect(claim.contains("status,adjudicated") || claim.contains("status,closed"), "\(claim)")

        let again = try cli.run(["era", "apply", trace, "--item", "U1", "--claim", numbers[0], "--tenant", "acme", "--reason", "twice"])
        #expect(again.status == 1 && again.standardError.contains("is applied"))
        _ = try cli.ok(["era", "release", trace, "--item", "U2", "--tenant", "acme"])
        #expect(Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"])).first?["state"] == "unapplied")
        _ = try cli.ok(["era", "refund", trace, "--item", "U2", "--tenant", "acme", "--reference", "CHK-20931"])
        rows = Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.first?["state"] == "reconciled")
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        await cli.database.drop()
    }

    @Test("a Medicare payment that says the claim was crossed over to Medicaid (CLP02 19, NM1*TT) posts and reconciles in era show")
    func crossover() async throws {
        let cli = try await CLI.make("recon_crossover")
        _ = try cli.seedPractice()
        _ = try cli.ok([
            "payer", "add", "--id", "medicare", "--name", "Medicare Part B", "--payer-id", "DEMO03", "--kind", "medicare", "--filing", "MB",
            "--alias", "04912", "--alias", "1721092375",
        ])
        _ = try cli.ok(["payer", "enroll", "--tenant", "acme", "--payer", "medicare", "--providers", "dr-lee"])
        let key = try cli.ok([
            "patient", "add", "--tenant", "acme", "--first", "Demo", "--last", "Crossover", "--dob", "1950-02-03", "--member-id", "1EG4TE5MK73",
            "--address", "1 Elm St, Springfield, IL 62701",
        ])
        let medicaidAliases = try cli.simulatedPayerAliases("DEMO04").flatMap { ["--alias", $0] }
        _ = try cli.ok(
            ["payer", "add", "--id", "medicaid", "--name", "Riverbend Medicaid", "--payer-id", "DEMO04", "--kind", "medicaid", "--filing", "MC", "--alias", "55004"]
                + medicaidAliases)
        _ = try cli.ok(["payer", "enroll", "--tenant", "acme", "--payer", "medicaid", "--providers", "dr-lee"])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "medicare", "--copay", "20.00", "--from", "2026-01-01"])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "medicaid", "--order", "secondary", "--from", "2026-01-01"])
        let session = try cli.ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(5), "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
            "--service", "90834=120.00",
        ])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "medicare", "--sessions", session])
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crossover-\(cli.database.name)")
        let wrote = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "medicare", "--out", out.appendingPathComponent("837").path])
        let file = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "2", "--reject-percent", "0", "--deny-percent", "0",
            "--crossover-percent", "100", "--split-percent", "0",
        ]).split(separator: "\n").map(String.init)
        var remits: [String] = []
        for answer in answers {
            if RemittanceLoopTests.isKind(answer, "835") {
                remits.append(try String(contentsOfFile: answer, encoding: .utf8))
                _ = try cli.ok(["era", "import", answer])
            } else {
                _ = try cli.ok(["ack", "import", answer])
            }
        }
        let crossed = try #require(remits.first { $0.contains("CLP*\(claim)*19*") }, "the payer says it forwarded the claim")
        #expect(crossed.contains("NM1*TT*2*"))
        let figures = Self.figures(crossed)
        let trace = try #require(figures.keys.first)
        let shown = try cli.ok(["era", "show", trace, "--tenant", "acme"])
        #expect(shown.contains(claim) && shown.contains(": reconciles"), "\(shown)")
        let rows = Self.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(!rows.isEmpty && rows.allSatisfy { $0["state"] == "reconciled" })
        #expect(rows.first { $0["trace"] == trace }.flatMap { Decimal(string: $0["bpr02"] ?? "") } == figures[trace]?.bpr)
        // COB: Medicaid, the secondary Medicare forwarded the claim to, paid it in its own 835 (OA-23 for Medicare's
        // share) with no 837P of ours; nothing waits to be sent to it, and naming the claim says why.
        #expect(remits.contains { $0.contains("CLP*\(claim)*2*") && $0.contains("CAS*OA*23*") }, "Medicaid's 835 for the crossover")
        let shown2 = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
        #expect(shown2.contains("insurance_balance,0.00") && shown2.contains("patient_balance,0.00") && shown2.contains("payer,medicaid"), "\(shown2)")
        #expect(shown2.contains("status,closed"), "settled by both payers, the claim closes: \(shown2)")
        let nothing = try cli.ok(["claims", "submit", "--tenant", "acme", "--payer", "medicaid", "--out", out.appendingPathComponent("837m").path])
        #expect(nothing.contains("no claims of acme for medicaid are ready to submit"), "\(nothing)")
        await cli.database.drop()
    }
}
