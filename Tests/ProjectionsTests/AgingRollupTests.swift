import Billing
import EventStore
import Foundation
import Postgres
@_spi(Benchmark) import Projections
import TestSupport
import Testing

/// The live aging and A/R reports read `ar_open_rollup` (decision 0304); these tests hold them to the scans of
/// `ar_open` and `claim_status` they replaced, to the cent, as a staff login under row-level security.
@Suite("Aging and A/R from the rollup", .serialized)
struct AgingRollupTests {
    /// A staff login assigned to the tenants (roles are the cluster's; the name is random).
    static func staffLogin(assignedTo tenants: [TenantID], in session: DatabaseSession) throws -> String {
        let login = "rcm_test_rollup_\(UInt32.random(in: 0...UInt32.max))"
        try session.executeScript("CREATE ROLE \(try session.quotedIdentifier(login)) LOGIN IN ROLE rcm_staff", name: "create_login")
        for tenant in tenants { try session.query(SQL("assign", "SELECT rcm.assign_staff($1, $2)"), [tenant, login]) }
        return login
    }

    /// Compares the rolled-up aging with the scan for every anchor and day, and A/R with its scan; returns the
    /// differences (empty when they agree) and how many aging reports had a balance older than 30 days.
    static func compare(
        tenant: String?, days: [LocalDate], in session: DatabaseSession
    ) throws -> (differences: [String], aged: Int, rows: Int) {
        var differences: [String] = []
        var aged = 0
        var rows = 0
        for anchor in AgingAnchor.allCases {
            let options = ReportOptions(tenant: tenant, anchor: anchor)
            for day in days {
                let rolled = try Reports.aging(options, source: .rollup, agedTo: day.description, in: session)
                let scanned = try Reports.aging(options, source: .scan, agedTo: day.description, in: session)
                if rolled != scanned {
                    differences.append("\(anchor) \(day): rollup \(rolled.rows.prefix(3)) scan \(scanned.rows.prefix(3))")
                }
                rows += scanned.rows.count
                let older = scanned.rows.contains { row in
                    ["31-60", "61-90", "91-120", "121+"].contains { name in
                        row[scanned.columns.firstIndex { $0.name == name }!] != .money(0)
                    }
                }
                if older { aged += 1 }
            }
        }
        let options = ReportOptions(tenant: tenant)
        let ar = try Reports.accountsReceivable(options, source: .rollup, in: session)
        let arScan = try Reports.accountsReceivable(options, source: .scan, in: session)
        if ar != arScan { differences.append("A/R: rollup \(ar.rows.prefix(3)) scan \(arScan.rows.prefix(3))") }
        if ar.rows.isEmpty { differences.append("A/R is empty") }
        return (differences, aged, rows)
    }

    @Test("over the aging fixture, the rollup gives the scan's report for every anchor and every day of ten months, as staff")
    func fixtureEveryDay() async throws {
        let database = try await TestDatabase.create("proj_rollup")
        let owner = try await database.connect()
        let login = try await owner.run { session -> String in
            let tenant = try LogWriter.createTenant("rollup-fixture", in: session)
            let writer = LogWriter(tenant: tenant)
            // Insurance balances over seven months, two paid (patient balances), a corrected one (a credit), a void.
            for (index, dos) in ["2025-12-12", "2026-01-31", "2026-03-01", "2026-03-02", "2026-04-16", "2026-05-30", "2026-06-30"].enumerated() {
                _ = try AgingTests.create(index + 1, dos: dos, charge: "1\(index)0.00", writer: writer, in: session)
            }
            var paid = try AgingTests.create(8, dos: "2026-03-27", charge: "200.00", writer: writer, in: session)
            try AgingTests.pay(&paid, on: "2026-04-01", writer: writer, in: session)
            var late = try AgingTests.create(9, dos: "2026-05-21", charge: "200.00", writer: writer, in: session)
            try AgingTests.pay(&late, on: "2026-06-05", writer: writer, in: session)
            var credit = try AgingTests.create(10, dos: "2026-04-21", charge: "200.00", writer: writer, in: session)
            try AgingTests.pay(&credit, on: "2026-04-26", writer: writer, in: session)
            credit.produced = []
            credit.run(
                .correct(
                    sessions: [Fx.session("s-10", on: "2026-04-21", code: "90834", minutes: 45, charge: "150.00")],
                    reason: "wrong code", on: day("2026-05-01"), period: AccountingPeriod("2026-05")!))
            try writer.append(credit.produced, claim: credit.claimID, in: session)
            var void = try AgingTests.create(11, dos: "2026-06-10", charge: "100.00", writer: writer, in: session)
            void.produced = []
            void.run(.void(reason: "duplicate", on: day("2026-06-10"), period: AccountingPeriod("2026-06")!))
            try writer.append(void.produced, claim: void.claimID, in: session)
            try ProjectionRunner(batchSize: 3).catchUpAll(in: session)
            return try Self.staffLogin(assignedTo: [tenant], in: session)
        }
        let staff = try await database.connect(as: login)
        let days = (0..<300).map { day("2026-01-20").adding(days: $0) }
        let outcome = try await staff.run { session in try Self.compare(tenant: "rollup-fixture", days: days, in: session) }
        #expect(outcome.differences.isEmpty, "\(outcome.differences.prefix(5))")
        #expect(outcome.aged > 600, "most days age some balance past 30 days: \(outcome.aged)")
        #expect(outcome.rows >= 900)
        // Every practice the login may see: the same, with the total row.
        let all = try await staff.run { session in try Self.compare(tenant: nil, days: [day("2026-07-01")], in: session) }
        #expect(all.differences.isEmpty, "\(all.differences)")
        await database.drop()
    }

    @Test("over the demo's year (RCM_DEMO_URL, else the small demo), the rolled-up aging and A/R equal the scans to the cent for every anchor and days around each bucket edge, as the demo's staff login")
    func demoYear() async throws {
        var url = ProcessInfo.processInfo.environment["RCM_DEMO_URL"] ?? ""
        if url.isEmpty {
            let demo = try Shell.run([Repository.root.appendingPathComponent("Scripts/demo").path, "--scale", "small"], check: false)
            #expect(demo.status == 0, "\(demo.standardOutput.suffix(3_000))\n\(demo.standardError.suffix(2_000))")
            url = try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "url", "--db", "rcm_demo"]).standardOutput
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let owner = try await Connection.connect(ConnectionSettings(conninfo: url))
        let today = try await owner.run { session -> LocalDate in
            // The runner catches up first (the demo's clerk leaves it behind at most a batch).
            try ProjectionRunner().catchUpAll(in: session)
            let text: String = try session.query(SQL("t_today", "SELECT current_date::text AS d")).first!.decode("d")
            return LocalDate(text)!
        }
        let staff = try await Connection.connect(ConnectionSettings(conninfo: url).login("rcm_demo_staff"))
        // Every third day from 400 days back to 30 ahead, and four days in a row at each bucket edge of today.
        let offsets = Array(stride(from: -400, through: 30, by: 3)) + [30, 60, 90, 120].flatMap { edge in (-2...1).map { -edge + $0 } }
        let days = offsets.map { today.adding(days: $0) }
        let outcome = try await staff.run { session in try Self.compare(tenant: nil, days: days, in: session) }
        #expect(outcome.differences.isEmpty, "\(outcome.differences.prefix(5))")
        #expect(outcome.aged > days.count, "the demo's year has balances past 30 days: \(outcome.aged)")
        let practices = try await staff.run { session in try TenantDirectory.list(in: session).filter { $0.kind == .practice }.map(\.slug) }
        #expect(practices.count >= 2)
        for slug in practices {
            let practice = try await staff.run { session in try Self.compare(tenant: slug, days: [today], in: session) }
            #expect(practice.differences.isEmpty, "\(slug): \(practice.differences)")
        }
    }
}
