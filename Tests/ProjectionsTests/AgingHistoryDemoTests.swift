import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

/// Aging as of a date from `aging_history` against the log's replay over the demo's worked year. `Scripts/test` runs
/// `Scripts/demo --scale small` first and passes its database as RCM_DEMO_URL; without it the test runs the demo.
@Suite("Aging history over the demo's year", .serialized)
struct AgingHistoryDemoTests {
    static func demoURL() throws -> String {
        let url = ProcessInfo.processInfo.environment["RCM_DEMO_URL"] ?? ""
        if !url.isEmpty { return url }
        let demo = try Shell.run([Repository.root.appendingPathComponent("Scripts/demo").path, "--scale", "small"], check: false)
        #expect(demo.status == 0, "\(demo.standardOutput.suffix(3_000))\n\(demo.standardError.suffix(2_000))")
        return try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "url", "--db", "rcm_demo"]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("every two months of the demo's year and every anchor: the history's aging equals the replay's to the cent")
    func historyEqualsReplayOverTheDemo() async throws {
        let connection = try await Connection.connect(ConnectionSettings(conninfo: try Self.demoURL()))
        let (mismatches, rows) = try await connection.run { session -> ([String], Int) in
            try ProjectionRunner().catchUpAll(in: session)
            let tenants = try TenantDirectory.list(in: session).filter { $0.kind == .practice }
            #expect(tenants.count >= 3)
            var mismatches: [String] = []
            var rows = 0
            var date = DemoCalendar.today.adding(days: -1)
            for _ in 0..<6 {
                for anchor in AgingAnchor.allCases {
                    let options = ReportOptions(asOf: date.description, anchor: anchor)
                    let history = try Reports.agingFromHistory(options, in: session)
                    let replay = try Reports.aging(options, in: session)
                    rows += history.rows.count
                    if history != replay {
                        let wrong = zip(history.rows, replay.rows).filter { $0 != $1 }.prefix(2)
                        mismatches.append("\(date) \(anchor): \(history.rows.count) rows vs \(replay.rows.count); \(Array(wrong))")
                    }
                }
                date = date.adding(days: -61)
            }
            // One practice on its own too (no total row): the first, as of a month ago.
            let one = ReportOptions(tenant: tenants[0].slug, asOf: DemoCalendar.today.adding(days: -30).description, anchor: .submitted)
            if try Reports.agingFromHistory(one, in: session) != Reports.aging(one, in: session) { mismatches.append("\(tenants[0].slug) alone") }
            return (mismatches, rows)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        #expect(rows > 50, "the demo's year has open balances to age")
    }
}

/// Today's date in UTC, for the demo's dates (its year ends yesterday).
enum DemoCalendar {
    static var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
