import Billing
import EventStore
import Foundation
import Projections
import Testing

@Suite("The claims fold, without a database")
struct FoldTests {
    static let tenant = "00000000-0000-0000-0000-000000000001"

    /// Encodes domain events as the log would hold them and decodes them as the projection does.
    static func projected(_ events: [Claim.Event], of claim: ClaimID, from position: Int64 = 1) throws -> [ProjectedEvent] {
        try events.enumerated().map { index, event in
            try entry(.claim(event), stream: Claim.streamID(claim), position: position + Int64(index))
        }.map(ProjectedEvent.init(decoding:))
    }

    /// A log entry of an event, dated by its payload's `effectiveDate`.
    static func entry(_ event: BillingEvent, stream: String, position: Int64, on date: String? = nil) throws -> LogEntry {
        let encoded = try EventCodec().encode(event)
        let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
        return LogEntry(
            position: position, streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
            payload: encoded.payload, effectiveDate: date ?? object["effectiveDate"] as! String)
    }

    @Test("the fold's balances equal the domain's after the primer's worked example and a patient payment")
    func workedExample() throws {
        var world = ClaimWorld(index: 1, start: day("2026-03-02"))
        var all: [Claim.Event] = []
        world.run(
            .create(
                claimID: world.claimID, claimNumber: world.number, payerID: Fx.acme,
                sessions: [Fx.session("s-1", on: "2026-03-02")], authorizationNumber: nil, on: day("2026-03-03"),
                period: AccountingPeriod("2026-03")!))
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
        world.run(.applyPatientPayment("pay-1", amount: usd("10.50"), on: day("2026-03-25"), period: AccountingPeriod("2026-03")!))
        all = world.produced
        var whole = ProjectionFold(tenantID: Self.tenant)
        for event in try Self.projected(all, of: world.claimID) { whole.apply(event) }
        let fold = whole.claims
        let row = try #require(fold.claims["c-1"])
        #expect(row.charges == 200_00)
        #expect(row.insurancePaid == 96_00 && row.adjustments == 80_00)
        #expect(row.patientResponsibility == 24_00 && row.patientPaid == 10_50)
        #expect(row.insuranceBalance == world.claim.insuranceBalance.cents)
        #expect(row.patientBalance == world.claim.patientBalance.cents && row.patientBalance == 13_50)
        #expect(row.serviceDate == "2026-03-02" && row.createdOn == "2026-03-03")
        #expect(row.firstSubmittedOn == "2026-03-03" && row.firstAdjudicatedOn == "2026-03-20")
        #expect(row.patientBilledOn == "2026-03-20" && row.lastActivityOn == "2026-03-25")
        #expect(row.firstPassDenied == false && row.status == .adjudicated)
        #expect(row.cleanClaim == true && row.firstPassPaid == true)
        let charges = fold.activity.values.map(\.charges).reduce(0, +)
        let paid = fold.activity.values.map { $0.insurancePaid + $0.patientPaid }.reduce(0, +)
        #expect(charges == 200_00 && paid == 106_50)
    }

    @Test("a payload whose field was renamed fails loudly with the event's place; an older shape is upcast first")
    func typedDecoding() throws {
        let renamed = LogEntry(
            position: 7, streamID: "claim-c-1", eventType: "claim.closed", schemaVersion: 1,
            payload: Data(#"{"claim_id":"c-1","effectiveDate":"2026-03-03"}"#.utf8), effectiveDate: "2026-03-03")
        let error = #expect(throws: ProjectionError.self) { try ProjectedEvent(decoding: renamed) }
        #expect(error?.description.contains("position 7, claim.closed v1") == true)
        #expect(error?.description.contains("c-1") == false, "no payload contents in the message")
        let newer = LogEntry(
            position: 8, streamID: "claim-c-1", eventType: "claim.closed", schemaVersion: 9,
            payload: Data(#"{"claimID":"c-1","effectiveDate":"2026-03-03"}"#.utf8), effectiveDate: "2026-03-03")
        #expect(throws: ProjectionError.self) { try ProjectedEvent(decoding: newer) }

        // remittance.received as version 1 wrote it (snake_case keys, BPR16 as CCYYMMDD), upcast to version 2.
        let v1 = LogEntry(
            position: 9, streamID: "remit-ACME-T1", eventType: "remittance.received", schemaVersion: 1,
            payload: Data(
                #"{"amount":"100.00","balanced":true,"claims":2,"file_sha256":"ab","payer_id":"ACME","payment_date":"20260310","trace_number":"T1","transaction_control_number":"0001"}"#
                    .utf8), effectiveDate: "2026-03-10")
        let decoded = try ProjectedEvent(decoding: v1)
        guard case .remittance(.received(let received)) = decoded.event else {
            Issue.record("not a remittance.received")
            return
        }
        #expect(received.paymentDate == day("2026-03-10") && received.amount == usd("100.00") && received.payerID == "ACME")
        var fold = ProjectionFold(tenantID: Self.tenant)
        fold.apply(decoded)
        let payment = try #require(fold.remittances.payments["remit-ACME-T1"])
        #expect(payment.claimsPosted == 2 && payment.ledger.statedAmount == usd("100.00") && payment.receivedPosition == 9)
    }

    @Test("the session index follows a correction; claims and accounts are indexed in log order")
    func sessionIndex() throws {
        let logged = Fx.session("s-1", on: "2026-03-02")
        var corrected = logged
        corrected.dateOfService = day("2026-03-09")
        let events: [(BillingEvent, String)] = [
            (.session(.logged(.init(record: logged, substanceUse: false, effectiveDate: day("2026-03-02")))), "session-s-1"),
            (.account(.opened(.init(patientKey: Fx.patient, selfPay: false, effectiveDate: day("2026-03-02")))), "account-pk-1"),
            (.session(.corrected(.init(record: corrected, reason: "wrong date", substanceUse: false, effectiveDate: day("2026-03-10")))), "session-s-1"),
            (.session(.voided(.init(sessionID: "s-9", patientKey: Fx.patient, reason: "never logged", effectiveDate: day("2026-03-10")))), "session-s-9"),
        ]
        var fold = ProjectionFold(tenantID: Self.tenant)
        for (index, (event, stream)) in events.enumerated() {
            fold.apply(try ProjectedEvent(decoding: try Self.entry(event, stream: stream, position: Int64(index + 1))))
        }
        let row = try #require(fold.index.sessions["s-1"])
        #expect(row.dateOfService == "2026-03-09" && row.loggedOn == "2026-03-02" && row.loggedPosition == 1 && row.lastPosition == 3)
        #expect(fold.index.sessions["s-9"] == nil, "a void of a session the fold never saw is ignored")
        #expect(fold.index.accounts["pk-1"]?.position == 2)
    }

    @Test("money prints as dollars for people and decimals for machines")
    func money() {
        #expect(ReportFormat.dollars(123_456) == "$1,234.56")
        #expect(ReportFormat.dollars(-5) == "-$0.05")
        #expect(ReportFormat.dollars(100_000_000) == "$1,000,000.00")
        #expect(ReportFormat.decimal(-123_456) == "-1234.56")
    }

    @Test("reports render as aligned tables, quoted CSV and JSON, with a total")
    func rendering() {
        let report = Report(
            name: "ar",
            columns: [.init("tenant", .text), .init("claims", .count), .init("net", .money), .init("rate", .decimal)],
            rows: [
                [.text("a, \"quoted\""), .count(2), .money(123_456), .decimal("12.5")],
                [.text("b"), .count(1), .money(-100), .null],
            ]
        ).withTotal()
        let table = ReportFormat.table.render(report)
        #expect(table.contains("$1,234.56"))
        #expect(table.contains("TOTAL"))
        #expect(table.split(separator: "\n").first == "tenant       claims        net  rate")
        let csv = ReportFormat.csv.render(report)
        #expect(csv == "tenant,claims,net,rate\r\n\"a, \"\"quoted\"\"\",2,1234.56,12.5\r\nb,1,-1.00,\r\nTOTAL,3,1233.56,\r\n")
        let json = ReportFormat.json.render(report)
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["rows"] as? [[String: Any]])?.first?["net"] as? String == "1234.56")
        #expect((object?["total"] as? [String: Any])?["claims"] as? Int == 3)
    }
}
