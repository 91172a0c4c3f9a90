import Billing
import Foundation
import Testing

/// The events kept beside the aggregates: declared in Billing, one codec, camelCase keys, and the snake_case
/// payloads of version 1 read through the codec's standard upcasters.
@Suite("Events beside the aggregates")
struct RecordEventTests {
    let codec = EventCodec()

    func json(_ event: BillingEvent) throws -> String {
        String(decoding: try codec.encode(event).payload, as: UTF8.self)
    }

    /// Version 1 payloads byte for byte as the application wrote them before decision 0102's key style:
    /// `JSONEncoder` with `.sortedKeys` (slashes escaped) for company, directory and interchange events,
    /// `JSONSerialization` with `.sortedKeys` for remittance, offboarding and access events.
    static let versionOne: [(eventType: String, payload: String)] = [
        (
            "company.practice_onboarded",
            #"{"city":"Springfield","name":"Acme Counseling","npi":"1234567893","slug":"acme","state":"IL","street":"1 Main St","taxID":"123456789","taxonomy":"101Y00000X","tenantID":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01","timeZone":"America\/Chicago","zip":"627011234"}"#
        ),
        (
            "company.practice_offboarded",
            #"{"reason":"BAA ended 2026\/06\/30","tenant_id":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01"}"#
        ),
        (
            "company.payer_added",
            #"{"filingIndicator":"CI","kind":"commercial","name":"Aetna","payerID":"aetna","x12PayerID":"60054"}"#
        ),
        ("company.staff_added", #"{"group":"staff","login":"jdoe"}"#),
        ("company.staff_assigned", #"{"login":"jdoe","tenant_id":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01"}"#),
        (
            "company.submitter_configured",
            #"{"contactPhone":"5555550100","etin":"E1","name":"Northwind Billing","receiverID":"CLEARHOUSE","receiverName":"CH","senderID":"NWB","senderQualifier":"ZZ"}"#
        ),
        (
            "remittance.received",
            #"{"amount":"-1234.50","balanced":true,"claims":2,"file_sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","payer_id":"60054","payment_date":"20260315","trace_number":"EFT-0042","transaction_control_number":"0001"}"#
        ),
        (
            "remittance.received",
            #"{"amount":"0.00","balanced":false,"claims":0,"file_sha256":"ab","payer_id":"60054","payment_date":"","trace_number":"EFT-0043","transaction_control_number":"0002"}"#
        ),
        (
            "remittance.unapplied",
            #"{"charge":"150.00","line_control_number":"","paid":"96.00","patient_control_number":"RC-1001","payer_claim_number":"","procedure_code":"","reason":"no claim of ours has this number","status_code":"1"}"#
        ),
        (
            "remittance.unapplied",
            #"{"charge":"200.00","line_control_number":"RC-1002-1","paid":"12.34","patient_control_number":"RC-1002","payer_claim_number":"ICN-9","procedure_code":"90837","reason":"the service line matches no line of the claim","status_code":"2"}"#
        ),
        (
            "remittance.provider_adjustment",
            #"{"amount":"-5.25","claim_number":"","fiscal_period_date":"2026-12-31","kind":"interest","provider_id":"1234567893","reason":"L6","reference":""}"#
        ),
        (
            "remittance.provider_adjustment",
            #"{"amount":"40.00","claim_number":"RC-1002","fiscal_period_date":"2026-12-31","kind":"recoupment","provider_id":"1234567893","reason":"WO","reference":"ICN-9"}"#
        ),
        ("directory.provider_profiled", #"{"credentials":"LCSW","firstName":"Ana","lastName":"Lee","providerID":"dr-lee"}"#),
        (
            "x12.interchange_sent",
            #"{"fileName":"acme\/837P-000000007.x12","manifest":{"batchReference":"B7","claimNumbers":["RC-1001","RC-1002"],"groupControlNumber":7,"interchangeControlNumber":7,"payerID":"60054","transactionControlNumber":"0001"},"sha256":"ab12"}"#
        ),
        ("tenant.phi_destroyed", #"{"files_destroyed":7,"identities_destroyed":3,"reason":"BAA ended"}"#),
        ("access.phi_viewed", #"{"patient_key":"pk-1","purpose":"eligibility call","record":"claim:c-1","sensitive":true}"#),
        ("access.phi_viewed", #"{"purpose":"statement","record":"patient:pk-1","sensitive":false}"#),
        // identity.* as the database's definer functions write them (jsonb_build_object, V0009).
        ("identity.signed_in", #"{"login": "ana_lee", "method": "password", "sessionID": "8c5a8f4e-2b4b-4d9a-9e4d-1f7b9e0a1c22"}"#),
        ("identity.sign_in_failed", #"{"login": null, "reason": "unknown_login"}"#),
        ("identity.password_set", #"{"login": "ana_lee"}"#),
        (
            "identity.api_key_created",
            #"{"role": "rcm_key_k0a1b2c3d4e5", "keyID": "k0a1b2c3d4e5", "label": "EHR sync", "actions": ["sessions.log"], "tenantIDs": ["0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"]}"#
        ),
        ("identity.api_key_revoked", #"{"keyID": "k0a1b2c3d4e5"}"#),
        ("identity.second_factor_failed", #"{"login": "ana_lee", "factor": "totp", "reason": "reused_code"}"#),
        ("identity.factor_enrolled", #"{"login": "ana_lee", "factor": "totp"}"#),
        ("identity.factors_reset", #"{"login": "ana_lee"}"#),
        ("identity.second_factor_policy_set", #"{"requiredFor": "everyone"}"#),
        ("identity.access_revoked", #"{"login": "ana_lee", "sessionsEnded": 2}"#),
        ("identity.factor_removed", #"{"login": "ana_lee", "factor": "passkey"}"#),
        ("identity.session_policy_set", #"{"idleSeconds": 900}"#),
    ]

    /// The same events at their current version, as the codec writes them now.
    static let current: [String] = [
        #"{"city":"Springfield","name":"Acme Counseling","npi":"1234567893","slug":"acme","state":"IL","street":"1 Main St","taxID":"123456789","taxonomy":"101Y00000X","tenantID":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01","timeZone":"America/Chicago","zip":"627011234"}"#,
        #"{"reason":"BAA ended 2026/06/30","tenantID":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01"}"#,
        #"{"filingIndicator":"CI","kind":"commercial","name":"Aetna","payerID":"aetna","x12PayerID":"60054"}"#,
        #"{"group":"staff","login":"jdoe"}"#,
        #"{"login":"jdoe","tenantID":"3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01"}"#,
        #"{"contactPhone":"5555550100","etin":"E1","name":"Northwind Billing","receiverID":"CLEARHOUSE","receiverName":"CH","senderID":"NWB","senderQualifier":"ZZ"}"#,
        #"{"amount":"-1234.50","balanced":true,"claims":2,"fileSHA256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","payerID":"60054","paymentDate":"2026-03-15","traceNumber":"EFT-0042","transactionControlNumber":"0001"}"#,
        #"{"amount":"0.00","balanced":false,"claims":0,"fileSHA256":"ab","payerID":"60054","traceNumber":"EFT-0043","transactionControlNumber":"0002"}"#,
        #"{"charge":"150.00","paid":"96.00","patientControlNumber":"RC-1001","reason":"no claim of ours has this number","statusCode":"1"}"#,
        #"{"charge":"200.00","lineControlNumber":"RC-1002-1","paid":"12.34","patientControlNumber":"RC-1002","payerClaimNumber":"ICN-9","procedureCode":"90837","reason":"the service line matches no line of the claim","statusCode":"2"}"#,
        #"{"amount":"-5.25","fiscalPeriodDate":"2026-12-31","kind":"interest","providerID":"1234567893","reason":"L6"}"#,
        #"{"amount":"40.00","claimNumber":"RC-1002","fiscalPeriodDate":"2026-12-31","kind":"recoupment","providerID":"1234567893","reason":"WO","reference":"ICN-9"}"#,
        #"{"credentials":"LCSW","firstName":"Ana","lastName":"Lee","providerID":"dr-lee"}"#,
        #"{"fileName":"acme/837P-000000007.x12","manifest":{"batchReference":"B7","claimNumbers":["RC-1001","RC-1002"],"groupControlNumber":7,"interchangeControlNumber":7,"payerID":"60054","transactionControlNumber":"0001"},"sha256":"ab12"}"#,
        #"{"filesDestroyed":7,"identitiesDestroyed":3,"reason":"BAA ended"}"#,
        #"{"patientKey":"pk-1","purpose":"eligibility call","record":"claim:c-1","sensitive":true}"#,
        #"{"purpose":"statement","record":"patient:pk-1","sensitive":false}"#,
        #"{"login":"ana_lee","method":"password","sessionID":"8C5A8F4E-2B4B-4D9A-9E4D-1F7B9E0A1C22"}"#,
        #"{"reason":"unknown_login"}"#,
        #"{"login":"ana_lee"}"#,
        #"{"actions":["sessions.log"],"keyID":"k0a1b2c3d4e5","label":"EHR sync","role":"rcm_key_k0a1b2c3d4e5","tenantIDs":["0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0"]}"#,
        #"{"keyID":"k0a1b2c3d4e5"}"#,
        #"{"factor":"totp","login":"ana_lee","reason":"reused_code"}"#,
        #"{"factor":"totp","login":"ana_lee"}"#,
        #"{"login":"ana_lee"}"#,
        #"{"requiredFor":"everyone"}"#,
        #"{"login":"ana_lee","sessionsEnded":2}"#,
        #"{"factor":"passkey","login":"ana_lee"}"#,
        #"{"idleSeconds":900}"#,
    ]

    @Test("the types whose keys changed, and patient.identity_forgotten (which lists what was destroyed), are at schema version 2; every other type is at 1")
    func versions() {
        #expect(
            BillingEvent.schemaVersions == [
                "company.practice_offboarded": 2, "company.staff_assigned": 2, "remittance.received": 2,
                "remittance.unapplied": 2, "remittance.provider_adjustment": 2, "tenant.phi_destroyed": 2,
                "access.phi_viewed": 2, "patient.identity_forgotten": 2,
            ])
        for event in RecordSamples.all() {
            #expect(event.schemaVersion == (BillingEvent.schemaVersions[event.eventType] ?? 1), "\(event.eventType)")
        }
    }

    @Test("every standard upcaster reads version 1 of a type at version 2, and every such type has one")
    func upcastersCoverTheVersionTwoTypes() {
        let covered = EventCodec.standardUpcasters.map { "\($0.eventType) v\($0.fromVersion)" }
        #expect(covered.count == Set(covered).count)
        #expect(Set(covered) == Set(BillingEvent.schemaVersions.keys.map { "\($0) v1" }))
    }

    @Test("golden JSON: every type beside the aggregates, at its current version, in camelCase")
    func golden() throws {
        let events = RecordSamples.all()
        #expect(events.count == Self.current.count)
        for (event, expected) in zip(events, Self.current) {
            #expect(try json(event) == expected, "\(event.eventType)")
        }
    }

    @Test("version 1 payloads, byte for byte as the application wrote them, decode to the same events")
    func versionOneDecodes() throws {
        let events = RecordSamples.all()
        #expect(events.count == Self.versionOne.count)
        for (event, old) in zip(events, Self.versionOne) {
            #expect(old.eventType == event.eventType)
            let decoded = try codec.decode(eventType: old.eventType, schemaVersion: 1, payload: Data(old.payload.utf8))
            #expect(decoded == event, "\(old.eventType)")
        }
    }

    @Test("an upcast version 1 payload is exactly what the codec writes at version 2")
    func upcastIsCanonical() throws {
        for (event, old) in zip(RecordSamples.all(), Self.versionOne) where event.schemaVersion == 2 {
            let upcaster = try #require(
                codec.upcasters.first { $0.eventType == old.eventType && $0.fromVersion == 1 })
            let upcast = try upcaster.upcast(Data(old.payload.utf8))
            #expect(String(decoding: upcast, as: UTF8.self) == (try json(event)), "\(old.eventType)")
        }
    }

    @Test("version 2 payloads decode at version 2, and every event round-trips through the codec")
    func roundTrip() throws {
        for event in RecordSamples.all() {
            let stored = try codec.encode(event)
            #expect(stored.eventType == event.eventType && stored.schemaVersion == event.schemaVersion)
            let decoded = try codec.decode(
                eventType: stored.eventType, schemaVersion: stored.schemaVersion, payload: stored.payload)
            #expect(decoded == event)
        }
    }

    @Test("a malformed version 1 payload is a codec error that names the type, never the payload")
    func malformedVersionOne() {
        #expect(throws: EventCodecError("remittance.received v1 has a payment date that is not CCYYMMDD")) {
            try codec.decode(
                eventType: "remittance.received", schemaVersion: 1,
                payload: Data(
                    #"{"amount":"1.00","balanced":true,"claims":1,"file_sha256":"ab","payer_id":"P","payment_date":"2026-03-15","trace_number":"T","transaction_control_number":"1"}"#
                        .utf8))
        }
        #expect(throws: EventCodecError("remittance.provider_adjustment v1 has an unknown kind")) {
            try codec.decode(
                eventType: "remittance.provider_adjustment", schemaVersion: 1,
                payload: Data(
                    #"{"amount":"1.00","claim_number":"","fiscal_period_date":"2026-12-31","kind":"bonus","provider_id":"1","reason":"L6","reference":""}"#
                        .utf8))
        }
        #expect(throws: EventCodecError("Payload of access.phi_viewed v1 does not decode")) {
            try codec.decode(
                eventType: "access.phi_viewed", schemaVersion: 1,
                payload: Data(#"{"purpose":"Quaxworth","sensitive":false}"#.utf8))
        }
        #expect(throws: EventCodecError("access.phi_viewed schema version 3 is not known (current 2)")) {
            try codec.decode(eventType: "access.phi_viewed", schemaVersion: 3, payload: Data("{}".utf8))
        }
    }

    @Test("a version 1 company.practice_offboarded or company.staff_assigned missing a key reads it as empty, as before")
    func missingKeysReadAsEmpty() throws {
        #expect(
            try codec.decode(eventType: "company.staff_assigned", schemaVersion: 1, payload: Data(#"{"login":"jdoe"}"#.utf8))
                == .company(.staffAssigned(.init(login: "jdoe", tenantID: ""))))
        #expect(
            try codec.decode(eventType: "company.practice_offboarded", schemaVersion: 1, payload: Data("{}".utf8))
                == .company(.practiceOffboarded(.init(tenantID: "", reason: ""))))
    }

    @Test("a caller's upcaster is consulted before the standard one for the same type and version")
    func callerUpcasterFirst() throws {
        let replacement = Upcaster(eventType: "tenant.phi_destroyed", fromVersion: 1) { _ in
            Data(#"{"filesDestroyed":0,"identitiesDestroyed":0,"reason":"replaced"}"#.utf8)
        }
        let decoded = try EventCodec(upcasters: [replacement]).decode(
            eventType: "tenant.phi_destroyed", schemaVersion: 1, payload: Data("{}".utf8))
        #expect(decoded == .tenant(.phiDestroyed(.init(identitiesDestroyed: 0, filesDestroyed: 0, reason: "replaced"))))
    }

    @Test("the events beside the aggregates carry no patient identifier, only pseudonymous keys")
    func noPHI() throws {
        // A provider's name (NM1*82) and the company's own phone are business data, not PHI.
        let forbidden = ["dateOfBirth", "address", "memberID", "subscriberID", "patientName", "birth"]
        for event in RecordSamples.all() {
            let text = try json(event)
            for key in forbidden { #expect(!text.contains(key), "\(event.eventType) carries \(key)") }
            if event.eventType != "directory.provider_profiled" {
                #expect(!text.contains("firstName") && !text.contains("lastName"), "\(event.eventType)")
            }
        }
    }
}
