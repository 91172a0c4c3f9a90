import Foundation
import Testing
import TestSupport

/// Issue 13, item 8: what a billing clerk tripped over while working claims by hand, each shown fixed through rcm.
@Suite("The clerk's friction, fixed")
struct ClerkFrictionTests {
    /// A claim the payer denied PR-204 (not covered by the patient's plan: the whole charge is the patient's).
    /// The simulator's denial is rewritten to PR-204 in the 835 text, which stays balanced (nothing paid).
    static func patientDenial(_ cli: CLI, _ name: String) throws -> (key: String, claim: String, out: URL) {
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(cli.database.name)")
        let file = try cli.submitAetna(out: out)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "4", "--reject-percent", "0",
            "--deny-percent", "100",
        ]).split(separator: "\n").map(String.init)
        for answer in answers where !RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["ack", "import", answer]) }
        let remit = try #require(answers.first { RemittanceLoopTests.isKind($0, "835") })
        let segments = try String(contentsOfFile: remit, encoding: .utf8).split(separator: "~", omittingEmptySubsequences: false).map {
            segment in
            var elements = segment.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            let id = elements.first?.trimmingCharacters(in: .whitespacesAndNewlines)
            if id == "CLP", elements[1] == claim { elements[5] = elements[3] }  // CLP05: the patient owes the charge
            if id == "CAS", elements[1] == "CO" { (elements[1], elements[2]) = ("PR", "204") }
            return elements.joined(separator: "*")
        }
        let rewritten = out.appendingPathComponent("pr204.835").path
        try segments.joined(separator: "~").write(toFile: rewritten, atomically: true, encoding: .utf8)
        #expect(try cli.ok(["era", "import", rewritten]).contains("posted"))
        return (key, claim, out)
    }

    static func row(_ listing: String, _ claim: String) -> [String: String] {
        ReconciliationTests.csvRows(listing).first { $0["claim"] == claim } ?? [:]
    }

    @Test("claims list shows the scrubber's verdict and ready to submit; scrubbing an unchanged claim again appends nothing")
    func listShowsScrubAndReadiness() async throws {
        let cli = try await CLI.make("clerk_list")
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        var row = Self.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["scrub"] == "not scrubbed" && row["next"] == "scrub", "\(row)")
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        row = Self.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        // No eligibility check yet: the scrubber passes the claim with MH062's warning (the policy's 30 days).
        #expect(row["scrub"] == "pass with 1 warning(s)" && row["next"] == "ready to submit", "\(row)")
        let before = try await cli.businessEventCount()
        #expect(try cli.ok(["claims", "scrub", claim, "--tenant", "acme"]).contains("MH062"), "the verdict is printed again")
        #expect(try await cli.businessEventCount() == before, "an unchanged claim scrubbed again records nothing but its read of the identity")
        _ = try cli.submitAetna(out: FileManager.default.temporaryDirectory.appendingPathComponent("clerk-list-\(cli.database.name)"))
        row = Self.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["status"] == "submitted" && row["next"] == "awaiting the payer", "\(row)")
        await cli.database.drop()
    }

    @Test("claims list --status bogus is a usage error listing the states, not an empty table")
    func bogusStatus() async throws {
        let cli = try await CLI.make("clerk_status")
        _ = try cli.seedPractice()
        let output = try await cli.refuses(
            ["claims", "list", "--tenant", "acme", "--status", "bogus"], status: 64, saying: "'‹--status›' is invalid for '--status")
        #expect(output.standardError.contains("awaitingNextPayer") && output.standardOutput.isEmpty)
        await cli.database.drop()
    }

    @Test("a 999 import counts its transaction sets, not «0 accepted»; era import prints the payment as money")
    func importSummaries() async throws {
        let cli = try await CLI.make("clerk_imports")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 3)
        let answers = try cli.ok([
            "simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "6", "--reject-percent", "0",
            "--deny-percent", "0",
        ]).split(separator: "\n").map(String.init)
        let ack999 = try cli.ok(["ack", "import", try #require(answers.first { RemittanceLoopTests.isKind($0, "999") })])
        #expect(ack999.contains("acme: 999 set 0001 accepted (A) 3 claim(s)"), "\(ack999)")
        #expect(ack999.contains("1 transaction set(s) accepted (3 claim(s), awaiting the payer's 277CA), 0 rejected"), "\(ack999)")
        #expect(!ack999.contains("0 accepted, 0 rejected"))
        let ack277 = try cli.ok(["ack", "import", try #require(answers.first { RemittanceLoopTests.isKind($0, "277") })])
        #expect(ack277.contains("3 claim(s) accepted, 0 rejected"), "\(ack277)")
        let remit = try #require(answers.first { RemittanceLoopTests.isKind($0, "835") })
        let figures = try #require(RemittanceFigures.sets(try String(contentsOfFile: remit, encoding: .utf8)).first)
        let posted = try cli.ok(["era", "import", remit])
        #expect(posted.contains("|\(figures.trace)|\(RemittanceFigures.text(figures.bpr))|"), "BPR02 with its decimal point: \(posted)")
        await cli.database.drop()
    }

    @Test(
        "a PR-204 denial shows its code and the patient's share in claims list and report claim; a statement shows no -0.00; the claim voids, as only a transfer was made"
    )
    func patientResponsibilityDenial() async throws {
        let cli = try await CLI.make("clerk_pr204")
        let (_, claim, out) = try Self.patientDenial(cli, "pr204")
        let row = Self.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["status"] == "denied" && row["patient_balance"] == "120.00", "\(row)")
        #expect(row["next"] == "denial PR-204 open; 120.00 to the patient", "\(row)")
        let history = try cli.ok(["report", "claim", claim, "--tenant", "acme"])
        #expect(
            history.split(separator: "\n").contains { $0.contains("claim.denied") && $0.contains("PR-204 open; 120.00 to the patient") },
            "\(history)")

        let statements = out.appendingPathComponent("statements")
        _ = try cli.ok(["statement", "run", "--tenant", "acme", "--out", statements.path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: statements.path)
        #expect(!pages.isEmpty)
        for page in pages {
            let text = try String(contentsOfFile: statements.appendingPathComponent(page).path, encoding: .utf8)
            #expect(text.contains("120.00") && !text.contains("-0.00"), "\(page) prints no negative zero")
        }

        _ = try cli.ok(["claims", "void", claim, "--tenant", "acme", "--reason", "billed to the wrong plan"])
        let shown = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
        #expect(
            shown.contains("status,voidPending") && shown.contains("patient_balance,0.00") && shown.contains("insurance_balance,0.00"),
            "\(shown)")
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        await cli.database.drop()
    }

    @Test("claims correct with nothing amended is refused and renumbers nothing")
    func correctWithNothingAmended() async throws {
        let cli = try await CLI.make("clerk_correct")
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        try await cli.refuses(["claims", "correct", claim, "--tenant", "acme", "--reason", "retry"], saying: "Nothing to correct")
        #expect(try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"]).contains("line \(claim)-1,"))
        await cli.database.drop()
    }

    @Test("report claim fits a terminal and its reason column says who owns a denial and which appeal was filed")
    func claimHistoryReadable() async throws {
        let cli = try await CLI.make("clerk_history")
        let (claim, denial, _) = try ValidationTests.deniedClaim(cli, "history")
        let login = "t_owner_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", login, "--group", "staff"])
        _ = try cli.ok(["staff", "assign", login, "--tenant", "acme"])
        _ = try cli.ok(["claims", "assign", claim, "--tenant", "acme", "--denial", denial, "--owner", login])
        _ = try cli.ok(["claims", "appeal", claim, "--tenant", "acme", "--denial", denial, "--reference", "APL-2026-0042"])
        let history = try cli.ok(["report", "claim", claim, "--tenant", "acme"]).split(separator: "\n")
        let widest = history.map(\.count).max() ?? 0
        #expect(widest <= 170, "the table is \(widest) characters wide")
        #expect(history.contains { $0.contains("denial.assigned") && $0.contains(" to \(login), due ") }, "\(history)")
        #expect(history.contains { $0.contains("claim.appealed") && $0.contains(", reference APL-2026-0042") }, "\(history)")
        // Machines still get every column in full.
        let csv = try cli.ok(["report", "claim", claim, "--tenant", "acme", "--format", "csv"])
        #expect(csv.hasPrefix("position,event,effective,recorded,actor,db_user,source,reason,insurance_balance,patient_balance,balance"))
        await cli.database.drop()
    }

    @Test("submitting an already submitted claim says so, not «scrub it first»")
    func resubmission() async throws {
        let cli = try await CLI.make("clerk_resubmit")
        let key = try cli.seedPractice()
        let claim = try cli.draftClaim(patient: key)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("resubmit-\(cli.database.name)")
        let unscrubbed = try await cli.refuses(
            ["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--claims", claim, "--out", out.path],
            saying: "run rcm claims scrub ‹--claims› first")
        #expect(unscrubbed.standardError.contains("has not been scrubbed"))
        _ = try cli.ok(["claims", "scrub", claim, "--tenant", "acme"])
        _ = try cli.submitAetna(out: out)
        let again = try await cli.refuses(
            ["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--claims", claim, "--out", out.path],
            saying: "claim ‹--claims› was already submitted (submitted)")
        #expect(!again.standardError.contains("scrub it first"))
        await cli.database.drop()
    }

    @Test("patient show prints when each coverage and authorization ends")
    func patientShowsEndDates() async throws {
        let cli = try await CLI.make("clerk_patient")
        let key = try cli.seedPractice()
        _ = try cli.ok(["payer", "add", "--id", "cigna", "--name", "Cigna", "--payer-id", "62308", "--kind", "commercial"])
        _ = try cli.ok([
            "coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "cigna", "--order", "secondary", "--copay", "10.00",
            "--from", "2026-01-01",
            "--through", "2026-12-31",
        ])
        _ = try cli.ok([
            "auth", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--number", "AUTH-7", "--codes", "90834,90837",
            "--units", "12", "--from",
            "2026-01-01", "--through", "2026-06-30",
        ])
        let shown = try cli.ok(["patient", "show", key, "--tenant", "acme"])
        #expect(shown.contains("aetna copay 25.00 coinsurance 0% deductible 0.00 from 2026-01-01, no end date"), "\(shown)")
        #expect(shown.contains("cigna copay 10.00 coinsurance 0% deductible 0.00 from 2026-01-01 through 2026-12-31"), "\(shown)")
        #expect(shown.contains("aetna 12 of 12 units left, codes 90834 90837, from 2026-01-01 through 2026-06-30"), "\(shown)")
        await cli.database.drop()
    }

    @Test("session import --help cites docs/session-import.md, and that page exists")
    func sessionImportHelp() async throws {
        let cli = try await CLI.make("clerk_help")
        let help = try cli.ok(["session", "import", "--help"])
        #expect(help.contains("docs/session-import.md"))
        #expect(FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent("docs/session-import.md").path))
        await cli.database.drop()
    }
}
