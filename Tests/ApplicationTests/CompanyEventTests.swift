import Application
import Foundation
import Testing

@Suite("Company events are a storage contract")
struct CompanyEventTests {
    @Test("each company event round-trips through its stored type name and JSON payload")
    func roundTrip() throws {
        let events: [CompanyEvent] = [
            .practiceOnboarded(
                PracticeProfile(
                    tenantID: "t", slug: "acme", name: "Acme", timeZone: "America/Chicago", npi: "1234567893", taxID: "123456789",
                    taxonomy: "101Y00000X", street: "1 Main", city: "Springfield", state: "IL", zip: "627011234")),
            .practiceOffboarded(tenantID: "t", reason: "BAA ended"),
            .payerAdded(PayerProfile(payerID: "aetna", name: "Aetna", x12PayerID: "60054", kind: "commercial", filingIndicator: "CI")),
            .staffAdded(login: "jdoe", group: "staff"),
            .staffAssigned(login: "jdoe", tenantID: "t"),
            .submitterConfigured(SubmitterProfile(name: "NW", etin: "E1", senderID: "S", receiverID: "R", receiverName: "CH", contactPhone: "1")),
        ]
        for event in events {
            #expect(try CompanyEvent.decode(eventType: event.eventType, payload: event.payload()) == event)
        }
        #expect(try CompanyEvent.decode(eventType: "company.unknown", payload: Data("{}".utf8)) == nil)
    }

    @Test("a golden payload pins the shape of company.staff_assigned")
    func golden() throws {
        let payload = try CompanyEvent.staffAssigned(login: "jdoe", tenantID: "t-1").payload()
        #expect(String(decoding: payload, as: UTF8.self) == #"{"login":"jdoe","tenant_id":"t-1"}"#)
    }
}
