import Billing
import Demo
import Foundation
import TestSupport
import Testing

/// Company-wide KPIs of a window of months, from `rcm report kpis --format csv`: the months' numerators and
/// denominators summed (never their rates averaged); A/R figures at the window's last month end.
struct KPIWindow {
    var charges = Money.zero
    var payments = Money.zero
    var adjustments = Money.zero
    var endingAR = Money.zero
    var arOver90 = Money.zero
    var trailing90Charges = Money.zero
    var claimsAdjudicated = 0
    var claimsDenied = 0

    /// Days in A/R at the last month's end: ending A/R ÷ (charges of the trailing 90 days ÷ 90).
    var daysInAR: Double { Double(endingAR.cents) * 90 / Double(max(trailing90Charges.cents, 1)) }
    /// Payments ÷ (charges − contractual adjustments), in percent.
    var netCollectionRate: Double { 100 * Double(payments.cents) / Double(max((charges - adjustments).cents, 1)) }
    /// Claims denied at their first adjudication ÷ claims adjudicated, in percent.
    var denialRate: Double { 100 * Double(claimsDenied) / Double(max(claimsAdjudicated, 1)) }
    /// A/R with a date of service over 90 days before the last month's end ÷ ending A/R, in percent.
    var percentOver90: Double { 100 * Double(arOver90.cents) / Double(max(endingAR.cents, 1)) }

    /// The window `from`…`to` (YYYY-MM) of the report's CSV, every practice.
    init(csv: String, from: String, to: String) throws {
        let lines = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        let (month, charges, payments, adjustments) = (try column("month"), try column("charges"), try column("payments"), try column("adjustments"))
        let (ending, over, trailing) = (try column("ending_ar"), try column("ar_over_90"), try column("trailing_90_charges"))
        let (adjudicated, denied) = (try column("claims_adjudicated"), try column("claims_denied"))
        func money(_ text: String) throws -> Money { try #require(Money(parsing: text.isEmpty ? "0" : text), "not money: \(text)") }
        for row in lines.dropFirst() where row[month] >= from && row[month] <= to {
            self.charges += try money(row[charges])
            self.payments += try money(row[payments])
            self.adjustments += try money(row[adjustments])
            claimsAdjudicated += Int(row[adjudicated]) ?? 0
            claimsDenied += Int(row[denied]) ?? 0
            if row[month] == to {
                endingAR += try money(row[ending])
                arOver90 += try money(row[over])
                trailing90Charges += try money(row[trailing])
            }
        }
    }
}

/// The small demo's year must look like a well-run billing company's (issue 13, item 7). `Scripts/test` runs
/// `Scripts/demo --scale small` first and passes its database as RCM_DEMO_URL; without it the test runs the demo.
@Suite("The demo's year", .serialized)
struct DemoYearTests {
    @Test("the small demo's last three complete months, company-wide: days in A/R 30-45, net collection ≥ 95 %, denials 5-15 %, A/R over 90 days < 15 %")
    func believableYear() throws {
        var url = ProcessInfo.processInfo.environment["RCM_DEMO_URL"] ?? ""
        if url.isEmpty {
            let demo = try Shell.run([Repository.root.appendingPathComponent("Scripts/demo").path, "--scale", "small"], check: false)
            #expect(demo.status == 0, "\(demo.standardOutput.suffix(3_000))\n\(demo.standardError.suffix(2_000))")
            url = try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "url", "--db", "rcm_demo"]).standardOutput
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let report = try Shell.run([Repository.rcmBinary.path, "report", "kpis", "--format", "csv"], environment: ["RCM_DATABASE_URL": url])
        // The demo's year ends yesterday: the window is the three months before this one.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: Date()))!
        func month(_ offset: Int) -> String {
            let date = calendar.date(byAdding: .month, value: offset, to: thisMonth)!
            let parts = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", parts.year!, parts.month!)
        }
        let window = try KPIWindow(csv: report.standardOutput, from: month(-3), to: month(-1))
        let figures = String(
            format: "%@ to %@: days in A/R %.1f, net collection %.1f %%, denial rate %.1f %%, A/R over 90 days %.1f %%", month(-3), month(-1),
            window.daysInAR, window.netCollectionRate, window.denialRate, window.percentOver90)
        print("demo year: \(figures)")
        #expect(window.claimsAdjudicated > 100, "\(figures)")
        #expect((30...45).contains(window.daysInAR), "\(figures)")
        #expect(window.netCollectionRate >= 95, "\(figures)")
        #expect((5...15).contains(window.denialRate), "\(figures)")
        #expect(window.percentOver90 < 15, "\(figures)")
    }

    @Test("the clerk's patients: most pay in full within the statement's 30 days, some half, some never; the same seed, the same habits")
    func patientHabits() {
        let policy = DemoClerkPolicy()
        let habits = (1...2_000).map { policy.habit(seed: 7, claim: "C\($0)") }
        #expect(habits == (1...2_000).map { policy.habit(seed: 7, claim: "C\($0)") })
        #expect(habits != (1...2_000).map { policy.habit(seed: 8, claim: "C\($0)") })
        var full = 0, half = 0, never = 0
        for habit in habits {
            switch habit {
            case .paysInFull(let days): full += 1; #expect((3..<30).contains(days))
            case .paysHalf(let days): half += 1; #expect((3..<30).contains(days))
            case .neverPays: never += 1
            }
        }
        #expect((1_680...1_840).contains(full), "\(full)")
        #expect((60...180).contains(half), "\(half)")
        #expect((60...180).contains(never), "\(never)")
        #expect(DemoClerkPolicy.firstStatement(after: LocalDate("2026-02-03")!) == LocalDate("2026-02-28")!)
        #expect(DemoClerkPolicy.firstStatement(after: LocalDate("2026-12-31")!) == LocalDate("2026-12-31")!)
        #expect(DemoClerkPolicy.isMonthEnd(LocalDate("2028-02-29")!))
        #expect(!DemoClerkPolicy.isMonthEnd(LocalDate("2026-03-15")!))
    }
}
