import Foundation
import Testing
import TestSupport

@Suite("rcm alerts list: alerts appear and disappear as units, dates and checks change (fixed business dates)")
struct AlertsTests {
    static func on(_ cli: CLI, _ date: String, _ arguments: [String]) throws -> String {
        let output = try cli.run(arguments, environment: ["RCM_BUSINESS_DATE": date])
        guard output.status == 0 else { throw Shell.Failure(output: output, command: arguments) }
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The alerts on a date as `kind|subject|deadline` rows.
    static func alerts(_ cli: CLI, on date: String) throws -> [String] {
        try on(cli, date, ["alerts", "list", "--tenant", "acme", "--format", "csv"]).split(separator: "\n").dropFirst().map {
            let fields = $0.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[1])|\(fields[3])|\(fields[0])"
        }
    }

    @Test("authorizations, coverages ending and stale eligibility, each with the command that resolves it")
    func appearAndDisappear() async throws {
        let cli = try await CLI.make("alerts")
        let key = try cli.seedPractice()
        _ = try cli.ok(["auth", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--number", "AUTH-LOW", "--codes", "90834", "--units", "2", "--from", "2026-01-01", "--through", "2026-12-31"])
        _ = try cli.ok(["auth", "add", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--number", "AUTH-END", "--codes", "90837", "--units", "12", "--from", "2026-01-01", "--through", "2026-06-10"])
        _ = try cli.ok(["payer", "add", "--id", "keystone", "--name", "Keystone Behavioral Health", "--payer-id", "DEMO06", "--kind", "commercial"])
        _ = try cli.ok(["coverage", "add", "--tenant", "acme", "--patient", key, "--payer", "keystone", "--order", "secondary", "--from", "2026-01-01", "--through", "2026-06-20"])

        let may = try Self.alerts(cli, on: "2026-05-01")
        #expect(may == ["authorization|authorization AUTH-LOW|2026-05-01"], "\(may)")
        let june = try Self.alerts(cli, on: "2026-06-01")
        #expect(june.contains("authorization|authorization AUTH-END|2026-06-10"), "\(june)")
        #expect(june.contains { $0.hasPrefix("coverageEnding|coverage ") && $0.hasSuffix("|2026-06-20") }, "\(june)")
        let july = try Self.alerts(cli, on: "2026-07-01")
        #expect(!july.contains { $0.contains("AUTH-END") || $0.hasPrefix("coverageEnding") }, "past their dates they are gone: \(july)")

        _ = try Self.on(cli, "2026-07-02", [
            "session", "log", "--tenant", "acme", "--patient", key, "--date", "2026-07-01", "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1", "--service", "90834=98.00",
        ])
        let seen = try Self.on(cli, "2026-07-02", ["alerts", "list", "--tenant", "acme"])
        #expect(seen.contains("staleEligibility") && seen.contains("never checked") && seen.contains("rcm eligibility check --tenant acme --patient \(key)"), "\(seen)")
        let out = try EligibilityLoopTests.scratch("alerts")
        let wrote = try Self.on(cli, "2026-07-02", ["eligibility", "check", "--tenant", "acme", "--patient", key, "--date", "2026-07-01", "--out", out.path])
        let path = String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
        let answer = try cli.ok(["simulate", "payer", path, "--out", out.appendingPathComponent("271").path, "--eligibility-scenario", "active"])
        _ = try Self.on(cli, "2026-07-02", ["eligibility", "import", answer])
        #expect(!(try Self.alerts(cli, on: "2026-07-03")).contains { $0.hasPrefix("staleEligibility") }, "checked: no longer stale")
        #expect(try Self.alerts(cli, on: "2026-07-03").contains { $0.hasPrefix("authorization|authorization AUTH-LOW") }, "two units left stays an alert")
        await cli.database.drop()
    }

    @Test("a draft claim's timely-filing alert appears 30 days before the limit, and goes when the claim is submitted or the limit has passed")
    func timelyFiling() async throws {
        let cli = try await CLI.make("alerts_filing")
        let key = try cli.seedPractice()
        _ = try cli.ok(["payer", "rules", "set", "--tenant", "acme", "--payer", "aetna", "--from", "2026-01-01", "--timely-filing-days", "90"])
        let session = try Self.on(cli, "2026-03-03", [
            "session", "log", "--tenant", "acme", "--patient", key, "--date", "2026-03-02", "--provider", "dr-lee", "--minutes", "45", "--dx", "F41.1",
            "--service", "90834=98.00",
        ])
        let claim = try Self.on(cli, "2026-03-03", ["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
        let filing = "timelyFiling|claim \(claim)|2026-05-31"  // 2026-03-02 + 90 days
        #expect(!(try Self.alerts(cli, on: "2026-04-30")).contains(filing), "31 days before the limit: not yet")
        #expect(try Self.alerts(cli, on: "2026-05-01").contains(filing), "30 days before")
        #expect(try Self.alerts(cli, on: "2026-05-31").contains(filing), "on the last day")
        #expect(!(try Self.alerts(cli, on: "2026-06-01")).contains(filing), "past the limit the alert is gone")
        let listed = try Self.on(cli, "2026-05-10", ["alerts", "list", "--tenant", "acme", "--format", "csv"])
        #expect(listed.contains("rcm claims scrub \(claim) --tenant acme"), "names the command that resolves it: \(listed)")

        _ = try Self.on(cli, "2026-05-10", ["claims", "scrub", claim, "--tenant", "acme"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("alerts-filing-\(cli.database.name)")
        _ = try Self.on(cli, "2026-05-10", ["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.appendingPathComponent("837").path])
        #expect(!(try Self.alerts(cli, on: "2026-05-10")).contains { $0.hasPrefix("timelyFiling|") }, "submitted: no alert")
        await cli.database.drop()
    }

    @Test("an open denial's appeal-window alert appears 14 days before its due date, and goes once appealed or past the date")
    func appealWindow() async throws {
        let cli = try await CLI.make("alerts_appeal")
        let (claim, denial, _) = try ValidationTests.deniedClaim(cli, "alerts-appeal")
        let row = try #require(try DenialWorklistTests.rows(cli, []).first { $0["denial"] == denial })
        let due = try #require(row["due"].flatMap(LocalDateText.init))
        let alert = "appealWindow|claim \(claim)|\(due.text)"
        #expect(!(try Self.alerts(cli, on: due.adding(-15))).contains(alert), "15 days before: not yet")
        #expect(try Self.alerts(cli, on: due.adding(-14)).contains(alert), "14 days before")
        #expect(try Self.alerts(cli, on: due.text).contains(alert), "on the due date")
        #expect(!(try Self.alerts(cli, on: due.adding(1))).contains(alert), "past the window: gone")
        let listed = try Self.on(cli, due.adding(-3), ["alerts", "list", "--tenant", "acme", "--format", "csv"])
        #expect(listed.contains("rcm claims appeal \(claim) --tenant acme --denial \(denial)"), "\(listed)")

        _ = try Self.on(cli, due.adding(-3), ["claims", "appeal", claim, "--tenant", "acme", "--denial", denial, "--reference", "APL-7"])
        #expect(!(try Self.alerts(cli, on: due.adding(-3))).contains { $0.hasPrefix("appealWindow|") }, "appealed: the window was met")
        await cli.database.drop()
    }
}

/// A YYYY-MM-DD date for tests that move the business date by days.
struct LocalDateText {
    let date: Date

    init?(_ text: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let date = formatter.date(from: text) else { return nil }
        self.date = date
    }

    var text: String { Self.format(date) }

    func adding(_ days: Int) -> String { Self.format(date.addingTimeInterval(Double(days) * 86_400)) }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
