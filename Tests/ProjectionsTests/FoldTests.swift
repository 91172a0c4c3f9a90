import Billing
import Foundation
import Projections
import Testing

@Suite("The claims fold, without a database")
struct FoldTests {
    static let tenant = "00000000-0000-0000-0000-000000000001"

    /// Encodes domain events as the log would hold them.
    static func logEvents(_ events: [Claim.Event], from position: Int64 = 1) throws -> [LogEvent] {
        let codec = EventCodec()
        return try events.enumerated().map { index, event in
            let encoded = try codec.encode(event)
            let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
            return LogEvent(
                tenantID: tenant, position: position + Int64(index), eventType: encoded.eventType,
                payload: encoded.payload, effectiveDate: object["effectiveDate"] as! String)
        }
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
        var fold = ClaimsFold()
        for event in try Self.logEvents(all) { try ClaimsProjection.apply(ClaimsProjection.parse(event), to: &fold) }
        let row = try #require(fold.claims["c-1"])
        #expect(row.charges == 200_00)
        #expect(row.insurancePaid == 96_00 && row.adjustments == 80_00)
        #expect(row.patientResponsibility == 24_00 && row.patientPaid == 10_50)
        #expect(row.insuranceBalance == world.claim.insuranceBalance.cents)
        #expect(row.patientBalance == world.claim.patientBalance.cents && row.patientBalance == 13_50)
        #expect(row.serviceDate == "2026-03-02" && row.createdOn == "2026-03-03")
        #expect(row.firstSubmittedOn == "2026-03-03" && row.firstAdjudicatedOn == "2026-03-20")
        #expect(row.patientBilledOn == "2026-03-20" && row.lastActivityOn == "2026-03-25")
        #expect(row.firstPassDenied == false && row.status == "adjudicated")
        #expect(row.cleanClaim == true && row.firstPassPaid == true)
        let charges = fold.activity.values.map(\.charges).reduce(0, +)
        let paid = fold.activity.values.map { $0.insurancePaid + $0.patientPaid }.reduce(0, +)
        #expect(charges == 200_00 && paid == 106_50)
    }

    @Test("payloads with escapes, unicode and whitespace parse as the domain wrote them")
    func escapes() throws {
        let payload = Data(
            #"{ "charges" : "1,5" , "claimID":"c-\"9\"", "claimNumber":"RC-9", "patientKey":"pk-\u00e9\ud83d\ude00\n", "payerID":"ACME", "lines":[{"lineID":"RC-9-1","code":"90837","dateOfService":"2026-03-02","rendering":"p"}], "substanceUse":true, "extra": [1, -2.5e3, null, false, {}] }"#
                .utf8)
        let bad = LogEvent(tenantID: Self.tenant, position: 1, eventType: "claim.created", payload: payload, effectiveDate: "2026-03-03")
        var fold = ClaimsFold()
        #expect(throws: ProjectionError.self) { try ClaimsProjection.apply(ClaimsProjection.parse(bad), to: &fold) }
        let good = LogEvent(
            tenantID: Self.tenant, position: 1, eventType: "claim.created",
            payload: Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "1,5", with: "-12.5").utf8),
            effectiveDate: "2026-03-03")
        try ClaimsProjection.apply(ClaimsProjection.parse(good), to: &fold)
        let row = try #require(fold.claims["c-\"9\""])
        #expect(row.patientKey == "pk-é😀\n")
        #expect(row.charges == -12_50 && row.sensitive && row.serviceDate == "2026-03-02")
        for broken in [#"{"a":"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"[1,2]"#, #"{"a":1} x"#] {
            let event = LogEvent(tenantID: Self.tenant, position: 2, eventType: "claim.closed", payload: Data(broken.utf8), effectiveDate: "2026-03-03")
            #expect(throws: ProjectionError.self) { _ = try ClaimsProjection.parse(event) }
        }
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
