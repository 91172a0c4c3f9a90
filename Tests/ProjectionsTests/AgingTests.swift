import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Aging and as-of reports")
struct AgingTests {
    /// Creates a claim of one 90837 line on a date of service (created the same day); returns its world.
    static func create(
        _ index: Int, dos: String, charge: String, writer: LogWriter, in session: DatabaseSession
    ) throws -> ClaimWorld {
        var world = ClaimWorld(index: index, start: day(dos))
        world.run(
            .create(
                claimID: world.claimID, claimNumber: world.number, payerID: Fx.acme,
                sessions: [Fx.session("s-\(index)", on: dos, charge: charge)], authorizationNumber: nil, on: day(dos),
                period: AccountingPeriod(containing: day(dos))))
        try writer.append(world.produced, claim: world.claimID, in: session)
        return world
    }

    /// Scrubs, submits and posts the primer's worked example (paid 96, CO-45 80, PR-2 24) on `date`.
    static func pay(_ world: inout ClaimWorld, on date: String, writer: LogWriter, in session: DatabaseSession) throws {
        world.produced = []
        let on = day(date)
        world.run(.scrub(Fx.context(today: on), on: on))
        world.run(.submit(on: on))
        let line = world.claim.lines[0]
        let remit = Adjudication(
            statusCode: "1", payerClaimNumber: "ICN-\(world.number)", payerID: Fx.acme, adjudicatedOn: on,
            lines: [
                LineAdjudication(
                    lineID: line.lineID, code: line.code, charge: line.charge, paid: usd("96.00"), allowed: usd("120.00"),
                    adjustments: [CASAdjustment(.contractual, "45", usd("80.00")), CASAdjustment(.patient, "2", usd("24.00"))])
            ])
        world.run(.adjudicate(remit, context: .init(denialID: DenialID("d-\(world.number)")), on: on, period: AccountingPeriod(containing: on)))
        #expect(world.claim.patientBalance == usd("24.00"), "the worked example leaves 24.00 to the patient")
        try writer.append(world.produced, claim: world.claimID, in: session)
    }

    static func value(_ report: Report, row: Int, _ column: String) -> Report.Value {
        report.rows[row][report.columns.firstIndex { $0.name == column }!]
    }

    @Test("aging of a hand-computed fixture of 20 claims gives the exact bucket sums")
    func agingFixture() async throws {
        let database = try await TestDatabase.create("proj_aging")
        let connection = try await database.connect()
        let (report, live, others) = try await connection.run { session -> (Report, [String: Int64], [Report]) in
            let tenant = try LogWriter.createTenant("aging-fixture", in: session)
            let writer = LogWriter(tenant: tenant)
            // Insurance balances, aged from the date of service to 2026-06-30.
            let open: [(String, String)] = [
                ("2026-06-30", "100.00"), ("2026-06-20", "110.00"), ("2026-05-31", "120.00"),  // 0, 10, 30 days
                ("2026-05-30", "130.00"), ("2026-05-16", "140.00"), ("2026-05-01", "150.00"),  // 31, 45, 60
                ("2026-04-30", "160.00"), ("2026-04-16", "170.00"), ("2026-04-01", "180.00"),  // 61, 75, 90
                ("2026-03-31", "190.00"), ("2026-03-17", "200.00"), ("2026-03-02", "210.00"),  // 91, 105, 120
                ("2026-03-01", "220.00"), ("2026-01-31", "230.00"), ("2025-12-12", "240.00"),  // 121, 150, 200
            ]
            for (index, claim) in open.enumerated() {
                _ = try Self.create(index + 1, dos: claim.0, charge: claim.1, writer: writer, in: session)
            }
            // Patient balances of 24.00 at 40 and 95 days; a claim paid in full leaves nothing.
            var c16 = try Self.create(16, dos: "2026-05-21", charge: "200.00", writer: writer, in: session)
            try Self.pay(&c16, on: "2026-05-26", writer: writer, in: session)
            var c17 = try Self.create(17, dos: "2026-03-27", charge: "200.00", writer: writer, in: session)
            try Self.pay(&c17, on: "2026-04-01", writer: writer, in: session)
            var c18 = try Self.create(18, dos: "2026-06-20", charge: "200.00", writer: writer, in: session)
            try Self.pay(&c18, on: "2026-06-25", writer: writer, in: session)
            c18.produced = []
            c18.run(.applyPatientPayment("pay-18", amount: usd("24.00"), on: day("2026-06-26"), period: AccountingPeriod("2026-06")!))
            try writer.append(c18.produced, claim: c18.claimID, in: session)
            // 70 days: patient 24.00, and a correction to 150.00 leaves a 50.00 insurance credit.
            var c19 = try Self.create(19, dos: "2026-04-21", charge: "200.00", writer: writer, in: session)
            try Self.pay(&c19, on: "2026-04-26", writer: writer, in: session)
            c19.produced = []
            c19.run(
                .correct(
                    sessions: [Fx.session("s-19", on: "2026-04-21", code: "90834", minutes: 45, charge: "150.00")],
                    reason: "wrong code", on: day("2026-05-01"), period: AccountingPeriod("2026-05")!))
            #expect(c19.claim.insuranceBalance == usd("-50.00"))
            try writer.append(c19.produced, claim: c19.claimID, in: session)
            // A voided claim owes nothing.
            var c20 = try Self.create(20, dos: "2026-06-10", charge: "100.00", writer: writer, in: session)
            c20.produced = []
            c20.run(.void(reason: "duplicate", on: day("2026-06-10"), period: AccountingPeriod("2026-06")!))
            try writer.append(c20.produced, claim: c20.claimID, in: session)

            try ProjectionRunner().catchUpAll(in: session)
            let report = try Reports.aging(ReportOptions(tenant: "aging-fixture", asOf: "2026-06-30"), in: session)
            var live: [String: Int64] = [:]
            for row in try session.query(
                SQL(
                    "t_live_aging",
                    """
                    SELECT side || ' ' || CASE WHEN credit THEN 'credit' ELSE rcm_analytics.aging_bucket(DATE '2026-06-30' - service_date) END AS k,
                           sum(amount)::bigint AS amount
                    FROM rcm_analytics.ar_aging GROUP BY 1
                    """)
            ).rows {
                live[try row.decode("k")] = try row.decode("amount")
            }
            let others = try [AgingAnchor.submitted, .activity].map {
                try Reports.aging(ReportOptions(tenant: "aging-fixture", asOf: "2026-06-30", anchor: $0), in: session)
            }
            return (report, live, others)
        }
        // Other anchors move balances between buckets, never the totals or the credits.
        for other in others {
            #expect(other.rows.count == 2)
            for row in 0..<2 {
                #expect(Self.value(other, row: row, "total") == Self.value(report, row: row, "total"))
                #expect(Self.value(other, row: row, "credits") == Self.value(report, row: row, "credits"))
            }
        }
        // Anchored on the last activity, the paid claims' patient balances are younger than their service.
        #expect(Self.value(others[1], row: 1, "0-30") == .money(0) && Self.value(others[1], row: 1, "31-60") == .money(48_00))
        #expect(report.rows.count == 2)
        #expect(report.total == nil)
        // Insurance row.
        #expect(Self.value(report, row: 0, "side") == .text("insurance"))
        #expect(Self.value(report, row: 0, "0-30") == .money(330_00))
        #expect(Self.value(report, row: 0, "31-60") == .money(420_00))
        #expect(Self.value(report, row: 0, "61-90") == .money(510_00))
        #expect(Self.value(report, row: 0, "91-120") == .money(600_00))
        #expect(Self.value(report, row: 0, "121+") == .money(690_00))
        #expect(Self.value(report, row: 0, "total") == .money(2550_00))
        #expect(Self.value(report, row: 0, "credits") == .money(-50_00))
        // Patient row.
        #expect(Self.value(report, row: 1, "side") == .text("patient"))
        #expect(Self.value(report, row: 1, "0-30") == .money(0))
        #expect(Self.value(report, row: 1, "31-60") == .money(24_00))
        #expect(Self.value(report, row: 1, "61-90") == .money(24_00))
        #expect(Self.value(report, row: 1, "91-120") == .money(24_00))
        #expect(Self.value(report, row: 1, "total") == .money(72_00))
        #expect(Self.value(report, row: 1, "credits") == .money(0))
        // The live view, bucketed at query time, agrees.
        #expect(
            live == [
                "insurance 0-30": 330_00, "insurance 31-60": 420_00, "insurance 61-90": 510_00,
                "insurance 91-120": 600_00, "insurance 121+": 690_00, "insurance credit": -50_00,
                "patient 31-60": 24_00, "patient 61-90": 24_00, "patient 91-120": 24_00,
            ])
        await database.drop()
    }

    @Test("a late payment with an earlier business date: known-at before it gives the report of then, as-of includes it")
    func latePayment() async throws {
        let database = try await TestDatabase.create("proj_late")
        let connection = try await database.connect()
        let outcome = try await connection.run { session -> [Report] in
            let tenant = try LogWriter.createTenant("late-payment", in: session)
            let other = try LogWriter.createTenant("other-practice", in: session)
            let writer = LogWriter(tenant: tenant)
            _ = try Self.create(1, dos: "2026-03-02", charge: "150.00", writer: LogWriter(tenant: other), in: session)
            var world = try Self.create(1, dos: "2026-03-02", charge: "200.00", writer: writer, in: session)
            try Self.pay(&world, on: "2026-03-20", writer: writer, in: session)
            let runner = ProjectionRunner()
            try runner.catchUpAll(in: session)
            let options = ReportOptions(tenant: "late-payment")
            let before = try Reports.aging(options, in: session)
            let allBefore = try Reports.aging(ReportOptions(), in: session)
            let knownAt: Date = try session.query(SQL("t_now", "SELECT clock_timestamp() AS t")).first!.decode("t")
            // Recorded now, effective 2026-03-25.
            world.produced = []
            world.run(.applyPatientPayment("pay-1", amount: usd("24.00"), on: day("2026-03-25"), period: AccountingPeriod("2026-03")!))
            try writer.append(world.produced, claim: world.claimID, in: session)
            try runner.catchUpAll(in: session)
            let after = try Reports.aging(options, in: session)
            let then = try Reports.aging(ReportOptions(tenant: "late-payment", knownAt: knownAt), in: session)
            let allThen = try Reports.aging(ReportOptions(knownAt: knownAt), in: session)
            let endOfMarch = try Reports.aging(ReportOptions(tenant: "late-payment", asOf: "2026-03-31"), in: session)
            let beforePayment = try Reports.aging(ReportOptions(tenant: "late-payment", asOf: "2026-03-24"), in: session)
            let endOfMarchThen = try Reports.aging(
                ReportOptions(tenant: "late-payment", asOf: "2026-03-31", knownAt: knownAt), in: session)
            return [before, after, then, endOfMarch, beforePayment, endOfMarchThen, allBefore, allThen]
        }
        let (before, after, then, endOfMarch, beforePayment, endOfMarchThen) = (
            outcome[0], outcome[1], outcome[2], outcome[3], outcome[4], outcome[5]
        )
        #expect(before.rows.count == 1)
        #expect(Self.value(before, row: 0, "side") == .text("patient"))
        #expect(Self.value(before, row: 0, "total") == .money(24_00))
        #expect(after.rows.isEmpty)
        #expect(then == before, "known-at a time before the payment was recorded gives what the live report showed")
        #expect(outcome[7] == outcome[6], "the same holds across every practice, with the total")
        #expect(outcome[6].total.map { Self.value(Report(name: "", columns: outcome[6].columns, rows: [$0]), row: 0, "total") } == .money(174_00))
        #expect(endOfMarch.rows.isEmpty, "as of the end of March the payment is included")
        #expect(Self.value(beforePayment, row: 0, "total") == .money(24_00))
        #expect(Self.value(endOfMarchThen, row: 0, "total") == .money(24_00))
        await database.drop()
    }

    @Test("a claim's history gives each event with actor, source, times and the balance after it")
    func claimHistoryAndAuditTrail() async throws {
        let database = try await TestDatabase.create("proj_history")
        let connection = try await database.connect()
        let (entries, audit) = try await connection.run { session -> ([ClaimHistory.Entry], [String]) in
            let tenant = try LogWriter.createTenant("history", in: session)
            let writer = LogWriter(tenant: tenant)
            var world = try Self.create(7, dos: "2026-03-02", charge: "200.00", writer: writer, in: session)
            try Self.pay(&world, on: "2026-03-20", writer: writer, in: session)
            let entries = try ClaimHistory.load(tenant: tenant, claim: "RC-7", in: session)
            var audit: [String] = []
            for row in try session.query(
                SQL(
                    "t_audit",
                    "SELECT event_type, actor, db_user, claim_id, patient_key, amount_cents, source FROM rcm.audit_trail WHERE tenant_id = $1 ORDER BY position"
                ), [tenant.description]
            ).rows {
                let amount: Int64? = try row.decodeIfPresent("amount_cents")
                audit.append(
                    "\(try row.decode("event_type", as: String.self)) \(try row.decode("actor", as: String.self)) \(try row.decode("claim_id", as: String.self)) \(try row.decode("patient_key", as: String.self)) \(amount.map(String.init) ?? "-") \(try row.decode("source", as: String.self))"
                )
            }
            return (entries, audit)
        }
        #expect(entries.map(\.eventType) == ["claim.created", "claim.scrubbed", "claim.submitted", "claim.adjudicated", "claim.responsibility_transferred"])
        #expect(entries.first?.balance == 200_00)
        #expect(entries[3].insuranceBalance == 24_00)
        #expect(entries.last?.insuranceBalance == 0 && entries.last?.patientBalance == 24_00)
        #expect(entries.allSatisfy { $0.actor == "tester" && $0.source == "cli" && !$0.dbUser.isEmpty })
        #expect(audit.first == "claim.created tester c-7 pk-1 20000 cli")
        #expect(audit.contains("claim.adjudicated tester c-7 pk-1 9600 cli"))
        #expect(audit.last == "claim.responsibility_transferred tester c-7 pk-1 2400 cli")
        await database.drop()
    }
}
