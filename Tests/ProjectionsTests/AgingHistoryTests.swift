import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("Aging as of a date from aging_history")
struct AgingHistoryTests {
    static let tenant = FoldTests.tenant

    /// The primer's claim: created 03-03 (200.00), submitted 03-03, paid 96.00 with 80.00 contractual and 24.00 to
    /// the patient on 03-20; `backdated` is a patient payment of 10.00 recorded after all that but effective 03-10.
    static func claimEvents() -> (created: [Claim.Event], later: [Claim.Event], backdated: [Claim.Event]) {
        var world = ClaimWorld(index: 1, start: day("2026-03-02"))
        world.run(
            .create(
                claimID: world.claimID, claimNumber: world.number, payerID: Fx.acme, sessions: [Fx.session("s-1", on: "2026-03-02")],
                authorizationNumber: nil, on: day("2026-03-03"), period: AccountingPeriod("2026-03")!))
        let created = world.produced
        world.produced = []
        world.run(.scrub(Fx.context(today: day("2026-03-03")), on: day("2026-03-03")))
        world.run(.submit(on: day("2026-03-03")))
        let line = world.claim.lines[0]
        world.run(
            .adjudicate(
                Adjudication(
                    statusCode: "1", payerClaimNumber: "ICN-1", payerID: Fx.acme, adjudicatedOn: day("2026-03-20"),
                    lines: [
                        LineAdjudication(
                            lineID: line.lineID, code: "90837", charge: usd("200.00"), paid: usd("96.00"),
                            adjustments: [CASAdjustment(.contractual, "45", usd("80.00")), CASAdjustment(.patient, "2", usd("24.00"))])
                    ]), context: .init(denialID: "d-1"), on: day("2026-03-20"), period: AccountingPeriod("2026-03")!))
        let later = world.produced
        world.produced = []
        world.run(.applyPatientPayment("pay-1", amount: usd("10.00"), on: day("2026-03-10"), period: AccountingPeriod("2026-03")!))
        return (created, later, world.produced)
    }

    @Test("an event effective before later ones splits the range holding its date and changes only the ranges from it on")
    func backdatedEventSplitsARange() throws {
        let (created, later, backdated) = Self.claimEvents()
        var fold = ProjectionFold(tenantID: Self.tenant)
        for event in try FoldTests.projected(created + later + backdated, of: "c-1") { fold.apply(event) }
        let rows = try #require(fold.aging.claims["c-1"])
        #expect(rows.map(\.validFrom) == ["2026-03-03", "2026-03-10", "2026-03-20"])
        #expect(rows.map(\.validUntil) == ["2026-03-10", "2026-03-20", nil])
        #expect(rows.map(\.state.insuranceBalance) == [200_00, 200_00, 0])
        // Before the 835 the replay to 03-10…03-19 sees the patient payment and no patient balance yet: −10.00, a credit.
        #expect(rows.map(\.state.patientBalance) == [0, -10_00, 14_00])
        // The transfer on 03-20 comes before the payment in the log: it found no patient balance, billed on 03-20.
        #expect(rows.map(\.state.patientBilledOn) == [nil, nil, "2026-03-20"])
        #expect(rows.map(\.state.payerSubmittedOn) == ["2026-03-03", "2026-03-03", "2026-03-03"])
        #expect(rows.map(\.state.lastActivityOn) == ["2026-03-03", "2026-03-10", "2026-03-20"])
        #expect(rows.allSatisfy { $0.state.serviceDate == "2026-03-02" && $0.state.createdOn == "2026-03-03" })
        // The claim row (as of now) agrees with the last range.
        let claim = try #require(fold.claims.claims["c-1"])
        #expect(claim.insuranceBalance == rows[2].state.insuranceBalance && claim.patientBalance == rows[2].state.patientBalance)
    }

    @Test("the same events folded one batch at a time give the same ranges as one batch")
    func batchesGiveTheSameRanges() throws {
        let (created, later, backdated) = Self.claimEvents()
        let events = try FoldTests.projected(created + later + backdated, of: "c-1")
        var whole = ProjectionFold(tenantID: Self.tenant)
        for event in events { whole.apply(event) }
        // One event per batch: each batch starts from the rows the previous one left (as the store would load them).
        var rows: [AgingHistoryRow] = []
        for event in events {
            var fold = ProjectionFold(tenantID: Self.tenant)
            if !rows.isEmpty { fold.aging.claims["c-1"] = rows }
            fold.apply(event)
            rows = fold.aging.claims["c-1"] ?? rows
        }
        #expect(rows == whole.aging.claims["c-1"])
    }

    /// Appends claim events with the log's business date moved now and then: every fifth append nine days back,
    /// every seventh four days on, so that events arrive out of date order as a backdated posting would.
    struct ShiftingWriter {
        let tenant: TenantID
        var appends = 0

        mutating func append(_ events: [Claim.Event], claim: ClaimID, in session: DatabaseSession) throws {
            guard !events.isEmpty else { return }
            appends += 1
            let shift = appends % 5 == 0 ? -9 : appends % 7 == 0 ? 4 : 0
            let codec = EventCodec()
            let correlation = UUID()
            let new = try events.map { event -> NewEvent in
                let encoded = try codec.encode(event)
                let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
                let date = LocalDate(object["effectiveDate"] as! String)!.adding(days: shift).description
                return NewEvent(
                    eventID: UUID(), streamID: "claim-\(claim)", eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                    payload: JSONText(data: encoded.payload), metadata: EventMetadata(actor: "tester", source: "cli", correlationID: correlation),
                    effectiveDate: date)
            }
            _ = try EventLog.append(AppendRequest(tenant: tenant, events: new), in: session)
        }
    }

    @Test("aging as of a date from the history equals the log's replay to the cent, for many dates and every anchor; the rebuild gives the same rows")
    func historyEqualsReplay() async throws {
        let database = try await TestDatabase.create("proj_aging_history")
        let connection = try await database.connect()
        let outcome = try await connection.run { session -> (mismatches: [String], compared: Int, nonEmpty: Int, differing: Int64) in
            let tenants = try (0..<2).map { try LogWriter.createTenant("history-\($0)", in: session) }
            let runner = ProjectionRunner(batchSize: 7)
            for (t, tenant) in tenants.enumerated() {
                var writer = ShiftingWriter(tenant: tenant)
                var worlds = (0..<15).map { ClaimWorld(index: $0, start: day("2026-01-05").adding(days: $0 * 5)) }
                for step in 0..<60 {
                    for index in worlds.indices {
                        worlds[index].step((t * 7919 + index * 104_729 + step * 15_485_863) % 10_007)
                        try writer.append(worlds[index].produced, claim: worlds[index].claimID, in: session)
                    }
                    if step % 11 == 3 { try runner.catchUp(tenant: tenant, in: session) }
                }
            }
            try runner.catchUpAll(in: session)
            var mismatches: [String] = []
            var compared = 0
            var nonEmpty = 0
            var date = day("2025-12-20")
            while date <= day("2026-09-30") {
                for anchor in AgingAnchor.allCases {
                    for tenant in [nil, "history-1"] {
                        let options = ReportOptions(tenant: tenant, asOf: date.description, anchor: anchor)
                        let history = try Reports.agingFromHistory(options, in: session)
                        let replay = try Reports.aging(options, in: session)
                        compared += 1
                        if !history.rows.isEmpty { nonEmpty += 1 }
                        if history != replay { mismatches.append("\(date) \(anchor) \(tenant ?? "all"): \(history.rows) != \(replay.rows)") }
                    }
                }
                date = date.adding(days: 13)
            }
            try ProjectionRebuild(batchSize: 50).replay(in: session)
            return (mismatches, compared, nonEmpty, try differingRebuiltRows(in: session))
        }
        #expect(outcome.mismatches.isEmpty, "\(outcome.mismatches.prefix(3))")
        #expect(outcome.compared > 100)
        #expect(outcome.nonEmpty > 60, "most dates have open balances to age")
        #expect(outcome.differing == 0)
        await database.drop()
    }

    @Test("run chooses the history for aging as of a date, and the replay as known at a time")
    func runChoosesThePath() {
        #expect(Reports.readsAgingHistory(ReportOptions(asOf: "2026-06-30")))
        #expect(!Reports.readsAgingHistory(ReportOptions(asOf: "2026-06-30", knownAt: Date())))
        #expect(!Reports.readsAgingHistory(ReportOptions()))
        #expect(Reports.readsProjection("aging", ReportOptions(asOf: "2026-06-30")))
        #expect(!Reports.readsProjection("ar", ReportOptions(asOf: "2026-06-30")))
        #expect(Reports.readsProjection("ar", ReportOptions()))
    }
}
