import Foundation
import Postgres
import Testing
import TestSupport

@Suite("rcm as a user meets it")
struct CommandLineTests {
    static let commands: [[String]] = [
        ["migrate"], ["admin", "bootstrap"], ["db", "info"], ["company", "configure"], ["tenant", "add"], ["tenant", "list"], ["tenant", "offboard"],
        ["staff", "add"], ["staff", "assign"], ["staff", "list"], ["payer", "add"], ["payer", "update"], ["payer", "show"], ["payer", "enroll"], ["payer", "rules", "set"], ["payer", "rules", "show"], ["payer", "list"], ["provider", "add"],
        ["patient", "add"], ["patient", "show"], ["patient", "forget"], ["coverage", "add"], ["auth", "add"], ["session", "log"], ["session", "correct"], ["session", "import"],
        ["claims", "create"], ["claims", "scrub"], ["claims", "show"], ["claims", "list"], ["claims", "correct"], ["claims", "submit"], ["claims", "void"], ["claims", "appeal"],
        ["claims", "assign"], ["claims", "write-off"], ["denials", "list"], ["denials", "letter"], ["x12", "inspect"], ["era", "import"], ["era", "list"], ["era", "show"], ["era", "apply"], ["era", "hold"], ["era", "release"], ["era", "refund"], ["ack", "import"], ["simulate", "payer"], ["payment", "post"], ["statement", "run"], ["estimate", "create"], ["superbill"], ["demo", "seed"], ["audit", "verify"], ["audit", "seal"], ["audit", "access"], ["audit", "access-changes"], ["audit", "claim"], ["staff", "revoke"], ["staff", "mfa", "policy"], ["staff", "mfa", "reset"], ["staff", "session-policy"], ["serve"], ["report", "aging"], ["report", "ar"], ["report", "denials"], ["report", "kpis"], ["report", "claim"], ["projections", "status"], ["projections", "rebuild"], ["projections", "run"], ["admin", "restore-derived"],
        ["admin", "keys", "generate"], ["admin", "keys", "rotate"], ["admin", "inventory"],
    ]

    @Test("every command explains itself with --help and gives an example", arguments: commands)
    func helpText(command: [String]) throws {
        let output = try Shell.run([Repository.rcmBinary.path] + command + ["--help"], check: false)
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("USAGE: rcm \(command.joined(separator: " "))"))
        #expect(output.standardOutput.contains("Example"), "\(command.joined(separator: " ")) --help has an example")
    }

    @Test("a usage error exits 64 and an unreachable database exits 69")
    func exitCodes() throws {
        let usage = try Shell.run([Repository.rcmBinary.path, "claims", "create", "--bogus"], check: false)
        #expect(usage.status == 64)
        let unavailable = try Shell.run(
            [Repository.rcmBinary.path, "tenant", "list"], environment: ["RCM_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"], check: false)
        #expect(unavailable.status == 69)
        #expect(unavailable.standardError.hasPrefix("rcm: "))
    }

    @Test("--format offers only what a command prints: x12 inspect, patient show and audit verify refuse csv (exit 64)")
    func formatsPrinted() throws {
        let file = Repository.root.appendingPathComponent("Tests/X12Tests/Fixtures/835-managed-care.x12").path
        let csv = try Shell.run([Repository.rcmBinary.path, "x12", "inspect", file, "--format", "csv"], check: false)
        #expect(csv.status == 64)
        #expect(csv.standardError.contains("is invalid for '--format <format>'"), "\(csv.standardError)")
        let json = try Shell.run([Repository.rcmBinary.path, "x12", "inspect", file, "--format", "json"], check: false)
        #expect(json.status == 0)
        #expect(json.standardOutput.contains("\"paymentBalanced\" : true"))
        for command in [["patient", "show", "pk-0000000000000000", "--tenant", "acme"], ["audit", "verify"]] {
            let refused = try Shell.run([Repository.rcmBinary.path] + command + ["--format", "csv"], check: false)
            #expect(refused.status == 64, "\(command.prefix(2)) --format csv")
        }
    }

    @Test("the happy path: onboard, enrol, register, log a session, create, scrub and show a claim, verify the chain")
    func happyPath() async throws {
        let cli = try await CLI.make("cli_happy")
        let key = try cli.seedPractice()
        #expect(key.hasPrefix("pk-"))
        let session = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(10), "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1,F41.1", "--service", "90837=150.00"])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        let scrub = try cli.ok(["claims", "scrub", claim, "--tenant", "acme", "--format", "csv"])
        #expect(scrub.contains(claim))
        let shown = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "json"])
        #expect(shown.contains("\"150.00\""))
        let listed = try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"])
        #expect(listed.contains(claim))
        let verify = try cli.ok(["audit", "verify"])
        #expect(verify.contains("acme: ok"))
        await cli.database.drop()
    }

    @Test("bad input is refused with a clear message, exit 1, and nothing written", arguments: [
        (["provider", "add", "--tenant", "acme", "--id", "bad", "--first", "A", "--last", "B", "--npi", "1234567890", "--taxonomy", "103T00000X", "--licence", "psychologist"], "NPI ‹--npi› is not valid"),
        (["session", "log", "--tenant", "acme", "--patient", "PATIENT", "--date", "2026-06-02", "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1", "--service", "99999=150.00"], "99999"),
        (["session", "log", "--tenant", "acme", "--patient", "PATIENT", "--date", "2026-06-02", "--provider", "dr-lee", "--minutes", "45", "--dx", "F33.1", "--service", "90837=150.00"], "90837 needs at least 53 minutes"),
        (["session", "log", "--tenant", "acme", "--patient", "PATIENT", "--date", "2026-06-02", "--provider", "dr-lee", "--minutes", "55", "--dx", "F33.1", "--service", "90837=12.3.4"], "is not an amount"),
        (["claims", "void", "CNOSUCHCLAIM", "--tenant", "acme", "--reason", "x"], "Create the claim first"),
        (["coverage", "add", "--tenant", "acme", "--patient", "PATIENT", "--payer", "nosuchpayer", "--from", "2026-01-01"], "not in the catalog"),
    ])
    func badInput(arguments: [String], message: String) async throws {
        let cli = try await CLI.make("cli_bad")
        let key = try cli.seedPractice()
        let before = try await cli.eventCount()
        let output = try cli.run(arguments.map { $0 == "PATIENT" ? key : $0 })
        #expect(output.status == 1, "\(arguments.prefix(2)): exit 1")
        #expect(output.standardError.contains(message), "\(output.standardError)")
        #expect(try await cli.eventCount() == before, "nothing written")
        await cli.database.drop()
    }

    @Test("a stale claim state is refused: a voided claim cannot be voided again")
    func staleClaimState() async throws {
        let cli = try await CLI.make("cli_stale")
        let key = try cli.seedPractice()
        let session = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", "2026-06-02", "--provider", "dr-lee", "--minutes", "40", "--dx", "F33.1", "--service", "90834=120.00"])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        _ = try cli.ok(["claims", "void", claim, "--tenant", "acme", "--reason", "entered twice"])
        let before = try await cli.eventCount()
        let again = try cli.run(["claims", "void", claim, "--tenant", "acme", "--reason", "again"])
        #expect(again.status == 1)
        #expect(!again.standardError.isEmpty)
        #expect(try await cli.eventCount() == before)
        await cli.database.drop()
    }

    @Test("a CSV with a malformed row names its line and imports nothing; --skip-invalid imports the rest")
    func sessionImport() async throws {
        let cli = try await CLI.make("cli_csv")
        let key = try cli.seedPractice()
        let csv = """
            session_id,patient_key,date_of_service,rendering,supervising,place_of_service,telehealth,minutes,diagnoses,services
            s-100,\(key),2026-06-02,dr-lee,,11,,55,F33.1 F41.1,90837=150.00
            s-101,\(key),2026-06-09,dr-lee,,10,audioVideo,45,F33.1,90834:95=120.00
            s-102,\(key),2026-06-16,dr-lee,,11,,fifty,F33.1,90834=120.00
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(cli.database.name).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try await cli.eventCount()
        let refused = try cli.run(["session", "import", path, "--tenant", "acme"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("line 4: minutes fifty is not a whole number"))
        #expect(try await cli.eventCount() == before)
        let partial = try cli.ok(["session", "import", path, "--tenant", "acme", "--skip-invalid"])
        #expect(partial.contains("imported 2 session(s)"))
        #expect(partial.contains("line 4"))
        await cli.database.drop()
    }

    @Test("a corrected session corrects its claim")
    func correction() async throws {
        let cli = try await CLI.make("cli_correct")
        let key = try cli.seedPractice()
        let date = CLI.daysAgo(4)
        let session = try cli.ok(["session", "log", "--tenant", "acme", "--patient", key, "--date", date, "--provider", "dr-lee", "--minutes", "45", "--dx", "F33.1", "--service", "90834=120.00"])
        let claim = try cli.ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        _ = try cli.ok([
            "session", "correct", "--tenant", "acme", "--id", session, "--patient", key, "--date", date, "--provider", "dr-lee", "--minutes", "55",
            "--dx", "F33.1", "--service", "90837=150.00", "--reason", "note amended: 55 minutes",
        ])
        let corrected = try cli.ok(["claims", "correct", claim, "--tenant", "acme", "--reason", "session corrected"])
        #expect(corrected.contains("charges 150.00"))
        let shown = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
        #expect(shown.contains("90837") && !shown.contains("90834"))
        await cli.database.drop()
    }
}
