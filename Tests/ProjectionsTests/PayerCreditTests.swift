import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("A/R and unapplied remittance")
struct PayerCreditTests {
    @Test("A/R shows unapplied money, open or held, as a credit owed to each payer, in its rows, its net and the total")
    func payerCredit() async throws {
        let database = try await TestDatabase.create("proj_payer_credit")
        let connection = try await database.connect()
        let (live, all, before) = try await connection.run { session -> (Report, Report, Report) in
            _ = try IndexAndRemittanceTests.scene(session)
            return (
                try Reports.accountsReceivable(ReportOptions(tenant: "indexed"), in: session),
                try Reports.accountsReceivable(ReportOptions(), in: session),
                try Reports.accountsReceivable(ReportOptions(tenant: "indexed", asOf: "2026-03-31"), in: session)
            )
        }
        #expect(live.columns.map(\.name) == ["tenant", "payer", "claims", "insurance", "patient", "credits", "payer_credit", "net"])
        let rows = live.rows.map { row in row.map { value -> String in
            switch value {
            case .text(let text): text
            case .money(let cents), .count(let cents): String(cents)
            case .decimal(let text): text
            case .null: "NULL"
            }
        } }
        // ACME: c-1 and c-4 open (200.00 each); T1's U1 (open 40.00) and U4 (held 7.00). MCD: c-2 and c-3; T2's U1 (open
        // 10.00). BCBS: no claim, T4's U1 held (33.00).
        #expect(
            rows == [
                ["indexed", "ACME", "2", "40000", "0", "0", "-4700", "35300"],
                ["indexed", "BCBS", "0", "0", "0", "0", "-3300", "-3300"],
                ["indexed", "MCD", "2", "40000", "0", "0", "-1000", "39000"],
            ])
        #expect(all.total?[6] == .money(-9000) && all.total?[7] == .money(80000 - 9000))
        #expect(before.rows.count == 2 && before.rows.allSatisfy { $0[6] == .money(0) }, "as of March no payment was received")
        await database.drop()
    }
}
