import Foundation
import Testing
import TestSupport

/// What real payers do to a deposit, through `rcm simulate payer`, `rcm era import` and `rcm era show`: one check
/// for two practices, a claim paid across two files, and recoupments (PLB WO), forwarding balances (FB) and
/// interest (L6) that cross files. Every figure is checked against the 835 text, read with string splitting.
@Suite("Real payers' deposits reconcile in rcm era show")
struct PayerScenarioTests {
    /// Prairie Shield (DEMO02) pays one check for all practices of the billing company.
    static let prairieAliases = ["--alias", "1470615283", "--alias", "47061"]

    /// The company, Prairie in the catalog, and each practice (slug, NPI, tax id) with a provider enrolled with it.
    static func seedPrairie(_ cli: CLI, practices: [(slug: String, npi: String, taxID: String)]) throws {
        _ = try cli.ok([
            "company", "configure", "--name", "Northwind Billing", "--etin", "NWB0001", "--sender-id", "NWBILLING", "--receiver-id",
            "CLEARHOUSE",
            "--receiver-name", "Clearinghouse", "--phone", "3125550100",
        ])
        #expect(try cli.simulatedPayerAliases("DEMO02") == ["1470615283", "47061"])
        _ = try cli.ok(
            ["payer", "add", "--id", "prairie", "--name", "Prairie Shield", "--payer-id", "DEMO02", "--kind", "commercial"] + prairieAliases
        )
        for practice in practices {
            _ = try cli.ok([
                "tenant", "add", "--slug", practice.slug, "--name", "\(practice.slug.capitalized) Counseling LLC", "--time-zone",
                "America/Chicago",
                "--npi", practice.npi, "--tax-id", practice.taxID, "--street", "100 Main St", "--city", "Springfield", "--state", "IL",
                "--zip", "627011234",
            ])
            _ = try cli.ok([
                "provider", "add", "--tenant", practice.slug, "--id", "dr-lee", "--first", "Dana", "--last", "Lee", "--npi", practice.npi,
                "--taxonomy",
                "103T00000X", "--licence", "psychologist",
            ])
            _ = try cli.ok([
                "payer", "enroll", "--tenant", practice.slug, "--payer", "prairie", "--providers", "dr-lee", "--rate", "90834=98.00",
            ])
        }
    }

    /// Scrubbed claims to Prairie for `services.count` new patients of `slug` (each claim one session with those
    /// services), submitted; returns the 837P's path and the claim numbers.
    static func submit(_ cli: CLI, slug: String, batch: String, services: [[String]], out: URL) throws -> (file: String, claims: [String]) {
        var claims: [String] = []
        for (index, lines) in services.enumerated() {
            let key = try cli.ok([
                "patient", "add", "--tenant", slug, "--first", "Demo\(batch)\(index)", "--last", "Prairieton", "--dob",
                "1980-02-0\(index % 9 + 1)",
                "--member-id", "PS\(batch)\(index)00", "--address", "1 Elm St, Springfield, IL 62701",
            ])
            _ = try cli.ok([
                "coverage", "add", "--tenant", slug, "--patient", key, "--payer", "prairie", "--copay", "0.00", "--from", "2026-01-01",
            ])
            let session = try cli.ok(
                [
                    "session", "log", "--tenant", slug, "--patient", key, "--date", CLI.daysAgo(3 + index), "--provider", "dr-lee",
                    "--minutes", "45",
                    "--dx", "F41.1",
                ] + lines.flatMap { ["--service", $0] })
            let claim = try cli.ok(["claims", "create", "--tenant", slug, "--patient", key, "--payer", "prairie", "--sessions", session])
            _ = try cli.ok(["claims", "scrub", claim, "--tenant", slug])
            claims.append(claim)
        }
        let wrote = try cli.ok([
            "claims", "submit", "--tenant", slug, "--payer", "prairie", "--out", out.appendingPathComponent("837-\(slug)-\(batch)").path,
        ])
        let file = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        try X12Validator.validate(path: file)
        return (file, claims)
    }

    /// Runs the simulator, imports its acknowledgments and 835s in order, and returns each 835's transaction sets.
    static func answer(_ cli: CLI, _ arguments: [String]) throws -> [[RemittanceFigures]] {
        var remits: [[RemittanceFigures]] = []
        for path in try cli.ok(["simulate", "payer"] + arguments).split(separator: "\n").map(String.init) {
            if RemittanceLoopTests.isKind(path, "835") {
                let posted = try cli.ok(["era", "import", path])
                #expect(posted.contains("posted") && !posted.contains("refused"), "\(posted)")
                remits.append(RemittanceFigures.sets(try String(contentsOfFile: path, encoding: .utf8)))
            } else {
                _ = try cli.ok(["ack", "import", path])
            }
        }
        return remits
    }

    /// `rcm era show` of the set's trace for one practice: the identity with both sides as the file states them,
    /// every claim payment and every PLB line with its code, reference and amount.
    static func expectShown(_ cli: CLI, _ set: RemittanceFigures, tenant: String) throws {
        #expect(set.bpr == set.claimTotal - set.adjustmentTotal, "the payer's own 835 balances: \(set.trace)")
        let shown = try cli.ok(["era", "show", set.trace, "--tenant", tenant])
        #expect(shown.contains(set.identity), "\(set.trace) for \(tenant): expected «\(set.identity)» in\n\(shown)")
        #expect(shown.contains("to \(tenant) (XX:\(set.payeeNPI))"))
        for (claim, paid) in set.claimPayments {
            #expect(shown.contains(claim) && shown.contains(RemittanceFigures.text(paid)), "\(claim) paid \(paid) in \(set.trace)")
        }
        for item in set.providerAdjustments {
            let row = shown.split(separator: "\n").first { $0.contains(" \(item.code) ") && $0.contains(item.reference) }
            #expect(
                row?.contains(" \(RemittanceFigures.text(item.amount)) ") == true,
                "PLB \(item.code) \(item.reference) \(item.amount) in \(shown)")
        }
    }

    @Test("one Prairie check pays claims of two practices: each practice's part posts to its own claims and reconciles in era show")
    func oneCheckTwoPractices() async throws {
        let cli = try await CLI.make("payers_two")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("payers-\(cli.database.name)")
        try Self.seedPrairie(cli, practices: [("acme", "1234567893", "123456789"), ("birch", "1245319599", "987654321")])
        let acme = try Self.submit(cli, slug: "acme", batch: "a", services: Array(repeating: ["90834=120.00"], count: 3), out: out)
        let birch = try Self.submit(cli, slug: "birch", batch: "b", services: Array(repeating: ["90834=120.00"], count: 2), out: out)
        let remits = try Self.answer(
            cli,
            [
                acme.file, birch.file, "--out", out.appendingPathComponent("payer").path, "--seed", "5", "--reject-percent", "0",
                "--deny-percent", "0",
                "--interest-percent", "100",
            ])
        // One file, one check: a transaction set per payee (N1*PE), both under the same TRN02.
        #expect(remits.count == 1)
        let sets = try #require(remits.first)
        #expect(sets.count == 2 && Set(sets.map(\.trace)).count == 1, "\(sets.map(\.trace))")
        let acmeSet = try #require(sets.first { $0.payeeNPI == "1234567893" })
        let birchSet = try #require(sets.first { $0.payeeNPI == "1245319599" })
        #expect(Set(acmeSet.claimPayments.keys) == Set(acme.claims) && Set(birchSet.claimPayments.keys) == Set(birch.claims))
        #expect(acmeSet.bpr > 0 && birchSet.bpr > 0 && !acmeSet.adjustments("L6").isEmpty)
        try Self.expectShown(cli, acmeSet, tenant: "acme")
        try Self.expectShown(cli, birchSet, tenant: "birch")
        // Without --tenant, the check shows once per practice; each practice's list has only its own part.
        let both = try cli.ok(["era", "show", acmeSet.trace])
        #expect(both.contains(acmeSet.identity) && both.contains(birchSet.identity))
        for (slug, set, claims) in [("acme", acmeSet, acme.claims), ("birch", birchSet, birch.claims)] {
            let rows = ReconciliationTests.csvRows(try cli.ok(["era", "list", "--tenant", slug, "--format", "csv"]))
            #expect(
                rows.count == 1 && rows.first?["bpr02"] == RemittanceFigures.text(set.bpr) && rows.first?["state"] == "reconciled",
                "\(rows)")
            let listed = try cli.ok(["claims", "list", "--tenant", slug, "--format", "csv"])
            #expect(claims.allSatisfy { listed.contains("\($0),adjudicated") || listed.contains("\($0),closed") }, "\(listed)")
        }
        #expect(try cli.ok(["audit", "verify"]).contains("birch: ok"))
        await cli.database.drop()
    }

    @Test("a claim of two lines paid in two parts across two 835s posts both parts, and each file reconciles in era show")
    func claimPaidAcrossTwoFiles() async throws {
        let cli = try await CLI.make("payers_split")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("payers-\(cli.database.name)")
        try Self.seedPrairie(cli, practices: [("acme", "1234567893", "123456789")])
        let acme = try Self.submit(
            cli, slug: "acme", batch: "s", services: Array(repeating: ["90834=120.00", "90785=20.00"], count: 2), out: out)
        let remits = try Self.answer(
            cli,
            [
                acme.file, "--out", out.appendingPathComponent("payer").path, "--seed", "8", "--reject-percent", "0", "--deny-percent", "0",
                "--split-percent", "100", "--interest-percent", "0",
            ])
        #expect(remits.count == 2, "the first 835 and its follow-up")
        let first = try #require(remits.first?.first), later = try #require(remits.last?.first)
        #expect(first.trace != later.trace, "two deposits")
        for claim in acme.claims {
            let parts = [first.claimPayments[claim], later.claimPayments[claim]].compactMap { $0 }
            #expect(parts.count == 2 && parts.allSatisfy { $0 > 0 }, "\(claim) is paid in both files")
            let shown = try cli.ok(["claims", "show", claim, "--tenant", "acme", "--format", "csv"])
            #expect(shown.contains("status,adjudicated") || shown.contains("status,closed"), "\(shown)")
        }
        try Self.expectShown(cli, first, tenant: "acme")
        try Self.expectShown(cli, later, tenant: "acme")
        let rows = ReconciliationTests.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.count == 2 && rows.allSatisfy { $0["state"] == "reconciled" })
        await cli.database.drop()
    }

    @Test(
        "across three runs with --state: interest (L6), recoupments (WO) that net below zero and a forwarding balance (FB) carried and taken back; every file reconciles"
    )
    func recoupmentsCrossFiles() async throws {
        let cli = try await CLI.make("payers_recoup")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("payers-\(cli.database.name)")
        let state = out.appendingPathComponent("payer-state.json").path
        try Self.seedPrairie(cli, practices: [("acme", "1234567893", "123456789")])
        let quiet = [
            "--reject-percent", "0", "--deny-percent", "0", "--reverse-percent", "0", "--split-percent", "0", "--adjustment-percent", "0",
        ]
        func day(_ offset: Int) -> String { CLI.daysAgo(-offset) }

        // Run 1: every claim paid, interest on the payment, and each payment marked for a recoupment next run.
        let one = try Self.submit(cli, slug: "acme", batch: "r", services: Array(repeating: ["90834=120.00"], count: 3), out: out)
        let run1 = try Self.answer(
            cli,
            [
                one.file, "--out", out.appendingPathComponent("run1").path, "--seed", "3", "--state", state, "--interest-percent", "100",
                "--recoup-percent", "100",
            ] + quiet)
        let paid = try #require(run1.first?.first)
        #expect(
            run1.count == 1 && paid.adjustments("L6").count == 1 && paid.adjustments("L6")[0] < 0, "interest is money added (negative PLB)")
        #expect(paid.claimPayments.count == 3 && paid.bpr > paid.claimTotal)
        try Self.expectShown(cli, paid, tenant: "acme")

        // Run 2, a month later, no claims: the payer takes back part of each payment (WO naming its CLP07); nothing
        // to take it from, so it carries the balance (FB, negative) and sends a notification paying zero.
        let run2 = try Self.answer(
            cli,
            [
                "--out", out.appendingPathComponent("run2").path, "--seed", "4", "--state", state, "--date", day(30), "--interest-percent",
                "0",
                "--recoup-percent", "0",
            ] + quiet)
        let recouped = try #require(run2.first?.first)
        let recoupments = recouped.providerAdjustments.filter { $0.code == "WO" }
        let paidClaims = Set(paid.claimPayments.filter { $0.value > 0 }.keys)
        #expect(run2.count == 1 && !paidClaims.isEmpty && recoupments.count == paidClaims.count && recoupments.allSatisfy { $0.amount > 0 })
        #expect(
            Set(recoupments.compactMap { paid.payerClaimNumbers[$0.reference] }) == paidClaims,
            "each WO names (CLP07) a claim paid in the earlier file")
        let carried = recouped.adjustments("FB")
        #expect(carried == [-recoupments.map(\.amount).reduce(0, +)] && recouped.bpr == 0 && recouped.claimPayments.isEmpty)
        try Self.expectShown(cli, recouped, tenant: "acme")

        // Run 3, new claims of members whose plans pay at once (the payer picks a member's plan from the member id; a
        // deductible plan would pay nothing): the payer takes the balance back (FB, positive) from their payment.
        let three = try Self.submit(cli, slug: "acme", batch: "u", services: Array(repeating: ["90834=120.00"], count: 3), out: out)
        let run3 = try Self.answer(
            cli,
            [
                three.file, "--out", out.appendingPathComponent("run3").path, "--seed", "5", "--state", state, "--date", day(60),
                "--interest-percent", "0", "--recoup-percent", "0",
            ] + quiet)
        let repaid = try #require(run3.first?.first)
        // The balance comes back out of this payment, as much of it as the payment covers.
        let takenBack = min(-carried[0], repaid.claimTotal)
        #expect(
            takenBack > 0 && repaid.adjustments("FB") == [takenBack] && repaid.bpr == repaid.claimTotal - takenBack,
            "\(repaid.providerAdjustments)")
        try Self.expectShown(cli, repaid, tenant: "acme")

        let rows = ReconciliationTests.csvRows(try cli.ok(["era", "list", "--tenant", "acme", "--format", "csv"]))
        #expect(rows.count == 3 && rows.allSatisfy { $0["state"] == "reconciled" }, "\(rows)")
        for set in [paid, recouped, repaid] {
            let row = rows.first { $0["trace"] == set.trace }
            #expect(
                row?["bpr02"] == RemittanceFigures.text(set.bpr) && row?["plb"] == RemittanceFigures.text(set.adjustmentTotal),
                "\(set.trace)")
        }
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        await cli.database.drop()
    }
}
