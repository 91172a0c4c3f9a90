import EventStore
import Foundation
import Postgres
import Testing
import TestSupport

/// An analyst reconciling deposits with SQL: the 835s posted through rcm, read back from rcm_analytics.remittances
/// and remittance_unapplied, checked against figures read straight from the files.
@Suite("Remittance analyst tables through rcm")
struct AnalystRemittanceTests {
    /// The analyst's query: one row per payment, in the order received.
    static let paymentsSQL = SQL(
        "analyst_remittances",
        """
        SELECT trace_number, amount, claim_payments, plb_total, claims_posted, unapplied_open, unapplied_held, refunded,
               state, reconciles, amount = claim_payments - plb_total AS identity
        FROM rcm_analytics.remittances ORDER BY received_position
        """)
    static let itemsSQL = SQL(
        "analyst_unapplied",
        "SELECT trace_number, item_id, patient_control_number, paid, state, note FROM rcm_analytics.remittance_unapplied ORDER BY trace_number, seq")

    /// A report's CSV rows by column name (its lines end in CRLF, one `Character` each).
    static func reportRows(_ text: String) -> [[String: String]] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Cents as the 835 writes dollars.
    static func dollars(_ cents: Int64) -> Decimal { Decimal(cents) / 100 }

    @Test("an analyst finds every posted payment in rcm_analytics.remittances as the 835 states it, and unapplied money as it is worked")
    func analystReconciles() async throws {
        let cli = try await CLI.make("analyst_remit")
        let (file, out) = try RemittanceLoopTests.submitted(cli, count: 6)
        let answers = try cli.ok(["simulate", "payer", file, "--out", out.appendingPathComponent("payer").path, "--seed", "5", "--reject-percent", "0", "--deny-percent", "0"])
            .split(separator: "\n").map(String.init)
        for answer in answers where !RemittanceLoopTests.isKind(answer, "835") { _ = try cli.ok(["ack", "import", answer]) }
        // One claim number mangled by the payer in the first 835, so its payment is kept unapplied.
        var texts = try answers.filter { RemittanceLoopTests.isKind($0, "835") }.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let paidCLP = try #require(
            texts[0].split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*").map(String.init) }
                .first { $0.first == "CLP" && (Decimal(string: $0[4]) ?? 0) > 0 })
        texts[0] = texts[0].replacingOccurrences(of: "CLP*\(paidCLP[1])*", with: "CLP*XX\(paidCLP[1].dropFirst(2))*")
        var expected: [String: (bpr: Decimal, clp: Decimal, plb: Decimal)] = [:]
        for (index, text) in texts.enumerated() {
            let path = out.appendingPathComponent("posted-\(index).835").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try cli.ok(["era", "import", path])
            expected.merge(ReconciliationTests.figures(text)) { $1 }
        }
        let mangledTrace = try #require(ReconciliationTests.figures(texts[0]).keys.first)
        _ = try cli.ok(["era", "hold", mangledTrace, "--item", "U1", "--tenant", "acme", "--reason", "called the payer, ticket 88"])
        let analyst = "t_analyst_\(UInt32.random(in: 0...UInt32.max))"
        _ = try cli.ok(["staff", "add", analyst, "--group", "analyst"])
        _ = try cli.ok(["staff", "assign", analyst, "--tenant", "acme"])
        let connection = try await cli.database.connect(as: analyst)

        let payments = try await connection.query(Self.paymentsSQL).rows
        #expect(payments.count == expected.count)
        for row in payments {
            let trace: String = try row.decode("trace_number")
            guard let figures = expected[trace] else {
                Issue.record("payment \(trace) is in no file")
                continue
            }
            #expect(Self.dollars(try row.decode("amount")) == figures.bpr, "\(trace) BPR02")
            #expect(Self.dollars(try row.decode("claim_payments")) == figures.clp, "\(trace) Σ CLP04")
            #expect(Self.dollars(try row.decode("plb_total")) == figures.plb, "\(trace) Σ PLB")
            #expect(try row.decode("reconciles", as: Bool.self) && row.decode("identity", as: Bool.self), "\(trace) reconciles")
            let held: Int64 = try row.decode("unapplied_held")
            let state: String = try row.decode("state")
            if trace == mangledTrace {
                #expect(Self.dollars(held) == Decimal(string: paidCLP[4]) && state == "held", "\(trace): the mangled claim payment is held")
            } else {
                #expect(held == 0 && state == "reconciled", "\(trace)")
            }
        }
        let items = try await connection.query(Self.itemsSQL).rows
        #expect(items.count == 1)
        #expect(try items.first?.decode("patient_control_number", as: String.self) == "XX\(paidCLP[1].dropFirst(2))")
        #expect(try items.first?.decode("note", as: String.self) == "called the payer, ticket 88")

        // A/R shows the held money as a credit owed to the payer, until it is refunded.
        let held = try #require(Decimal(string: paidCLP[4]))
        let ar = Self.reportRows(try cli.ok(["report", "ar", "--tenant", "acme", "--format", "csv"]))
        #expect(ar.first { $0["payer"] == "aetna" }.flatMap { Decimal(string: $0["payer_credit"] ?? "") } == -held, "\(ar)")
        _ = try cli.ok(["era", "refund", mangledTrace, "--item", "U1", "--tenant", "acme", "--reference", "CHK-5521"])
        let after = try await connection.query(
            SQL("analyst_refunded", "SELECT refunded, unapplied_held, state FROM rcm_analytics.remittances WHERE trace_number = $1"), [mangledTrace]
        ).first
        #expect(try after.map { Self.dollars(try $0.decode("refunded")) } == held)
        #expect(try after?.decode("state", as: String.self) == "reconciled")
        let arAfter = Self.reportRows(try cli.ok(["report", "ar", "--tenant", "acme", "--format", "csv"]))
        #expect(arAfter.allSatisfy { Decimal(string: $0["payer_credit"] ?? "") == 0 }, "\(arAfter)")

        await cli.database.drop()
        let admin = try await Connection.connect(cli.database.admin)
        try await admin.run { session in
            try session.executeScript("DROP ROLE IF EXISTS \(try session.quotedIdentifier(analyst))", name: "t_drop_role")
        }
    }
}
