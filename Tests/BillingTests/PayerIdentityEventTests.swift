import Billing
import Foundation
import Testing

@Suite("Payer identities as events")
struct PayerIdentityEventTests {
    /// Events added after the record families were declared (no version 1 written by earlier code).
    static let newer: [BillingEvent] = [
        .company(
            .payerUpdated(
                PayerUpdated(
                    payerID: "aetna", name: "Aetna Inc.", x12PayerID: "60054", aliases: ["1066033492"],
                    effectiveFrom: LocalDate("2026-07-01")!))),
        .company(
            .payerAdded(
                PayerProfile(
                    payerID: "magellan-bh", name: "Magellan Behavioral", x12PayerID: "01260", kind: "carve-out", filingIndicator: "CI",
                    aliases: ["1541001260"]))),
        .remittance(.itemApplied(.init(itemID: "U1", claimNumber: ClaimNumber("C4F1C0A9E2B7D")!, paid: Money(cents: 96_00)))),
        .remittance(.itemHeld(.init(itemID: "U2", reason: "called the payer, ticket 4471"))),
        .remittance(.itemReleased(.init(itemID: "U2"))),
        .remittance(.itemRefunded(.init(itemID: "U2", amount: Money(cents: 40_00), reference: "CHK-20931"))),
    ]

    @Test("company.payer_updated and a payer with aliases: golden JSON, and back")
    func golden() throws {
        let codec = EventCodec()
        let expected = [
            #"{"aliases":["1066033492"],"effectiveFrom":"2026-07-01","name":"Aetna Inc.","payerID":"aetna","x12PayerID":"60054"}"#,
            #"{"aliases":["1541001260"],"filingIndicator":"CI","kind":"carve-out","name":"Magellan Behavioral","payerID":"magellan-bh","x12PayerID":"01260"}"#,
        ]
        for (event, json) in zip(Self.newer, expected) {
            let encoded = try codec.encode(event)
            #expect(String(decoding: encoded.payload, as: UTF8.self) == json)
            #expect(try codec.decode(eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, payload: encoded.payload) == event)
        }
    }

    @Test("a payer added before aliases existed reads with none, and is written as before")
    func withoutAliases() throws {
        let old = Data(#"{"filingIndicator":"CI","kind":"commercial","name":"Aetna","payerID":"aetna","x12PayerID":"60054"}"#.utf8)
        let event = try EventCodec().decode(eventType: "company.payer_added", schemaVersion: 1, payload: old)
        guard case .company(.payerAdded(let profile)) = event else {
            Issue.record("not a payer")
            return
        }
        #expect(profile.aliases.isEmpty)
        #expect(profile.identifiers == ["60054"])
        #expect(try EventCodec().encode(event).payload == old)
    }
}
