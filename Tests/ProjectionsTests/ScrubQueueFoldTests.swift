import Billing
import Projections
import Testing

@Suite("The failing-the-scrubber queue's column")
struct ScrubQueueFoldTests {
    static func scrubbed(_ passed: Bool, on date: String) -> Claim.Event {
        let findings = passed ? [] : [ScrubFinding(ruleID: "MH012", severity: .error, message: "authorization required")]
        return .scrubbed(.init(claimID: "c-1", findings: findings, passed: passed, effectiveDate: day(date)))
    }

    @Test("last_scrub_failed follows the last scrub, a correction clears it, and a corrected claim's failing scrub sets it")
    func lastScrubVerdict() throws {
        var world = ClaimWorld(index: 1, start: day("2026-03-02"))
        world.run(
            .create(
                claimID: world.claimID, claimNumber: world.number, payerID: Fx.acme, sessions: [Fx.session("s-1", on: "2026-03-02")],
                authorizationNumber: nil, on: day("2026-03-03"), period: AccountingPeriod("2026-03")!))
        world.run(.scrub(Fx.context(today: day("2026-03-03")), on: day("2026-03-03")))
        world.run(.submit(on: day("2026-03-03")))
        world.run(.reject(category: "A7", statusCode: "33", message: "bad id", on: day("2026-03-06")))
        world.run(
            .correct(
                sessions: [Fx.session("s-1", on: "2026-03-02", code: "90834", minutes: 45, charge: "150.00")], reason: "wrong code",
                on: day("2026-03-07"), period: AccountingPeriod("2026-03")!))
        #expect(world.claim.status == .draft, "the correction makes the claim a draft again")
        let before = world.produced
        let events = try FoldTests.projected(before + [Self.scrubbed(false, on: "2026-03-08")], of: "c-1")
        var fold = ProjectionFold(tenantID: FoldTests.tenant)
        var verdicts: [Bool] = []
        for event in events {
            fold.apply(event)
            verdicts.append(fold.claims.claims["c-1"]!.lastScrubFailed)
        }
        // created, scrubbed (pass), submitted, rejected, corrected, scrubbed (fail)
        #expect(verdicts == [false, false, false, false, false, true])
        let row = try #require(fold.claims.claims["c-1"])
        #expect(row.scrubFailed == false, "scrub_failed keeps its meaning: no failure before the first submission")
        #expect(row.status == .draft)

        var fixed = fold
        for event in try FoldTests.projected([Self.scrubbed(true, on: "2026-03-09")], of: "c-1", from: 7) { fixed.apply(event) }
        #expect(fixed.claims.claims["c-1"]?.lastScrubFailed == false, "a passing scrub takes the claim out of the queue")
    }
}
