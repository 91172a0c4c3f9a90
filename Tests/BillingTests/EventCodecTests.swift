import Billing
import Foundation
import Testing

@Suite("Events as a storage contract")
struct EventCodecTests {
    let codec = EventCodec()

    func json(_ event: BillingEvent) throws -> String {
        String(decoding: try codec.encode(event).payload, as: UTF8.self)
    }

    @Test("the sample scenario and the records beside it produce every event type, and every event round-trips")
    func roundTrip() throws {
        let events = try SampleEvents.all() + RecordSamples.all() + PayerIdentityEventTests.newer + EligibilitySamples.all()
        #expect(Set(events.map(\.eventType)) == Set(BillingEvent.allEventTypes))
        for event in events {
            let stored = try codec.encode(event)
            #expect(
                stored.eventType == event.eventType
                    && stored.schemaVersion == (BillingEvent.schemaVersions[event.eventType] ?? 1))
            #expect(
                try codec.decode(
                    eventType: stored.eventType, schemaVersion: stored.schemaVersion, payload: stored.payload) == event)
        }
    }

    @Test("type names are unique, lower-case and prefixed by their family")
    func names() {
        let all = BillingEvent.allEventTypes
        #expect(Set(all).count == all.count)
        for name in all {
            #expect(
                name.range(
                    of: #"^(practice|patient|session|claim|denial|account|company|remittance|directory|x12|tenant|access|identity|eligibility|status)\.[a-z_]+$"#,
                    options: .regularExpression)
                    != nil, "\(name)")
        }
    }

    @Test("no event payload carries a direct identifier")
    func noPHI() throws {
        let forbidden = [
            "firstName", "lastName", "dateOfBirth", "address", "phone", "memberID", "subscriberID", "name\":\"Ada",
        ]
        for event in try SampleEvents.all() {
            let text = try json(event)
            for key in forbidden { #expect(!text.contains(key), "\(event.eventType) carries \(key)") }
        }
    }

    @Test("financial events carry an effective date and an accounting period")
    func financialEvents() throws {
        let financial: Set<String> = [
            "claim.created", "claim.adjudicated", "claim.adjudication_reversed", "claim.responsibility_transferred",
            "claim.corrected", "claim.voided", "claim.written_off", "claim.patient_payment_applied",
            "claim.patient_refunded",
            "account.charge_posted", "account.charge_reversed", "account.payment_received", "account.refund_issued",
            "account.adjusted", "account.written_off",
        ]
        for event in try SampleEvents.all() {
            let text = try json(event)
            #expect(text.contains("\"effectiveDate\":\""), "\(event.eventType)")
            if financial.contains(event.eventType) { #expect(text.contains("\"period\":\""), "\(event.eventType)") }
        }
    }

    @Test("golden JSON: claim.submitted")
    func goldenSubmitted() throws {
        let event = BillingEvent.claim(
            .submitted(
                .init(
                    claimID: "c-1", payerID: "ACME", payerOrder: .primary, frequency: .original, charges: usd("200.00"),
                    authorizationNumber: "AUTH-77", authorizationUnitsConsumed: units(1), substanceUse: false,
                    effectiveDate: day("2026-03-03"))))
        #expect(
            try json(event)
                == #"{"authorizationNumber":"AUTH-77","authorizationUnitsConsumed":"1","charges":"200.00","claimID":"c-1","effectiveDate":"2026-03-03","frequency":"1","payerID":"ACME","payerOrder":"primary","substanceUse":false}"#
        )
    }

    @Test("golden JSON: claim.adjudicated")
    func goldenAdjudicated() throws {
        var posting = Posting()
        posting.paid = usd("96.00")
        posting.adjustments = usd("80.00")
        posting.patientResponsibility.coinsurance = usd("24.00")
        let event = BillingEvent.claim(
            .adjudicated(
                .init(
                    claimID: "c-1", adjudication: Fx.paidRemit(), payerOrder: .primary, posting: posting,
                    underpaidLines: [],
                    patientResponsibilityTo: .patient, resolvedDenials: [], effectiveDate: day("2026-03-21"),
                    period: period("2026-03"))))
        let expected =
            #"{"adjudication":{"adjudicatedOn":"2026-03-20","claimAdjustments":[],"lines":[{"adjustments":[{"amount":"80.00","group":"CO","reason":"45"},{"amount":"24.00","group":"PR","reason":"2"}],"allowed":"120.00","charge":"200.00","code":"90837","lineID":"RC-1001-1","paid":"96.00","remarks":[]}],"payerClaimNumber":"ICN-1","payerID":"ACME","remarks":[],"statusCode":"1"},"claimID":"c-1","effectiveDate":"2026-03-21","patientResponsibilityTo":{"kind":"patient"},"payerOrder":"primary","period":"2026-03","posting":{"adjustments":"80.00","denied":"0.00","paid":"96.00","patientResponsibility":{"coinsurance":"24.00","copay":"0.00","deductible":"0.00","other":"0.00"},"priorPayerImpact":"0.00"},"resolvedDenials":[],"underpaidLines":[]}"#
        #expect(try json(event) == expected)
    }

    @Test("golden JSON: patient.registered, session.voided, account.payment_received, practice.period_closed")
    func goldenOthers() throws {
        #expect(
            try json(
                .patient(
                    .registered(
                        .init(patientKey: "pk-1", identityDigest: "sha256:abc", effectiveDate: day("2026-01-01")))))
                == #"{"effectiveDate":"2026-01-01","identityDigest":"sha256:abc","patientKey":"pk-1"}"#)
        #expect(
            try json(
                .session(
                    .voided(
                        .init(sessionID: "s-1", patientKey: "pk-1", reason: "twice", effectiveDate: day("2026-03-03"))))
            )
                == #"{"effectiveDate":"2026-03-03","patientKey":"pk-1","reason":"twice","sessionID":"s-1"}"#)
        #expect(
            try json(
                .account(
                    .paymentReceived(
                        .init(
                            patientKey: "pk-1", paymentID: "pay-1", amount: usd("160.00"), method: .card,
                            effectiveDate: day("2026-01-12"), period: period("2026-01")))))
                == #"{"amount":"160.00","effectiveDate":"2026-01-12","method":"card","patientKey":"pk-1","paymentID":"pay-1","period":"2026-01"}"#
        )
        #expect(
            try json(.practice(.periodClosed(.init(period: period("2026-01"), effectiveDate: day("2026-02-05")))))
                == #"{"effectiveDate":"2026-02-05","period":"2026-01"}"#)
        #expect(
            try json(
                .account(
                    .chargePosted(
                        .init(
                            patientKey: "pk-1", source: .claim("c-1"), amount: usd("24.00"),
                            goodFaithEstimateExceeded: false, effectiveDate: day("2026-03-21"),
                            period: period("2026-03")))))
                == #"{"amount":"24.00","effectiveDate":"2026-03-21","goodFaithEstimateExceeded":false,"patientKey":"pk-1","period":"2026-03","source":{"claimID":"c-1"}}"#
        )
    }

    @Test("unknown types, future versions and bad payloads are typed errors")
    func errors() {
        #expect(throws: EventCodecError("Unknown event type claim.teleported")) {
            try codec.decode(eventType: "claim.teleported", schemaVersion: 1, payload: Data("{}".utf8))
        }
        #expect(throws: EventCodecError("claim.closed schema version 2 is not known (current 1)")) {
            try codec.decode(eventType: "claim.closed", schemaVersion: 2, payload: Data("{}".utf8))
        }
        #expect(throws: EventCodecError("Payload of claim.closed v1 does not decode")) {
            try codec.decode(eventType: "claim.closed", schemaVersion: 1, payload: Data("{}".utf8))
        }
    }

    @Test("an upcaster rewrites an older payload before decoding")
    func upcaster() throws {
        let upcaster = Upcaster(eventType: "test.renamed", fromVersion: 1) { data in
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"old\"", with: "\"new\"")
            return Data(text.utf8)
        }
        let codec = EventCodec(upcasters: [upcaster])
        let event = try codec.decode(VersionedEvent.self, "test.renamed", 1, Data(#"{"old":"x"}"#.utf8))
        #expect(event == VersionedEvent(new: "x"))
        #expect(throws: EventCodecError("No upcaster for test.renamed from version 1")) {
            try EventCodec().decode(VersionedEvent.self, "test.renamed", 1, Data(#"{"old":"x"}"#.utf8))
        }
    }
}

/// An event family at schema version 2, whose field `old` was renamed `new`.
struct VersionedEvent: StoredEvent, Codable {
    var new: String
    var eventType: String { "test.renamed" }
    static let eventTypes = ["test.renamed"]
    static var schemaVersions: [String: Int] { ["test.renamed": 2] }
    func encodePayload(with encoder: JSONEncoder) throws -> Data { try encoder.encode(self) }
    static func decode(eventType: String, payload: Data, with decoder: JSONDecoder) throws -> VersionedEvent {
        try decoder.decode(VersionedEvent.self, from: payload)
    }
}
