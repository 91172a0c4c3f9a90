import Billing
import Foundation
import Testing

/// One event of every `eligibility.*` type, and the JSON shape each is stored in.
enum EligibilitySamples {
    static let checked = EligibilityEvent.Checked(
        patientKey: "pk-1", coverageID: "cov-1", payerID: "aetna", trace: "42-1", serviceDate: day("2026-12-01"), status: .active,
        coverageBegin: day("2026-01-01"), coverageEnd: day("2026-12-31"), planName: "AETNA PPO",
        benefits: [
            BehavioralBenefit(serviceType: .psychotherapy, inNetwork: true, copay: usd("25.00"), visitLimit: 20, authorizationRequired: false),
            BehavioralBenefit(serviceType: .planCoverage, inNetwork: true, deductible: usd("1500.00"), deductibleRemaining: usd("650.25")),
        ],
        carveOut: CarveOut(name: "KEYSTONE BEHAVIORAL HEALTH", x12PayerID: "DEMO06", serviceTypes: [.mentalHealth]))

    static let routedCoverage = Coverage(id: "cov-1-bh-keystone", payerID: "keystone", order: .primary, effective: EffectivePeriod(from: day("2026-12-03")))

    static func all() -> [BillingEvent] {
        [
            .eligibility(
                .inquirySent(
                    .init(
                        sha256: "cd34", fileName: "acme-aetna-000000042.270", interchangeControlNumber: 42, payerID: "aetna",
                        inquiries: [SentInquiry(trace: "42-1", patientKey: "pk-1", coverageID: "cov-1", serviceDate: day("2026-12-01"))]))),
            .eligibility(.checked(checked)),
            .eligibility(.carveOutRouted(.init(patientKey: "pk-1", fromPayerID: "aetna", toPayerID: "keystone", coverage: routedCoverage, trace: "42-1"))),
            .eligibility(.policySet(.init(days: 45))),
            .claimStatus(.inquirySent(.init(sha256: "ef56", fileName: "acme-aetna-000000043.276", interchangeControlNumber: 43, payerID: "aetna",
                                            claims: [.init(trace: "43-1", claimID: "RC-1001")]))),
            .claimStatus(.reported(.init(claimID: "RC-1001", payerID: "aetna", trace: "43-1", category: "F1", code: "65", statusDate: day("2026-12-05"),
                                         amount: usd("120.00"), payerClaimNumber: "ICN-9", followUp: .expectingRemittance))),
        ]
    }
}

@Suite("eligibility events as a storage contract")
struct EligibilityEventTests {
    @Test("golden JSON: eligibility.checked keeps amounts as money text, camelCase keys and no identifiers")
    func golden() throws {
        let json = String(decoding: try EventCodec().encode(BillingEvent.eligibility(.checked(EligibilitySamples.checked))).payload, as: UTF8.self)
        #expect(
            json
                == #"{"benefits":[{"authorizationRequired":false,"copay":"25.00","inNetwork":true,"notCovered":false,"serviceType":"A6","visitLimit":20},{"deductible":"1500.00","deductibleRemaining":"650.25","inNetwork":true,"notCovered":false,"serviceType":"30"}],"carveOut":{"name":"KEYSTONE BEHAVIORAL HEALTH","serviceTypes":["MH"],"x12PayerID":"DEMO06"},"coverageBegin":"2026-01-01","coverageEnd":"2026-12-31","coverageID":"cov-1","patientKey":"pk-1","payerID":"aetna","planName":"AETNA PPO","rejectReasons":[],"serviceDate":"2026-12-01","status":"active","trace":"42-1"}"#,
            "\(json)")
    }

    @Test("the history keeps the latest answer per payer and the routings")
    func history() {
        var older = EligibilitySamples.checked
        older.status = .inactive
        let history = EligibilityHistory([
            (.checked(EligibilitySamples.checked), day("2026-12-02")), (.checked(older), day("2026-11-01")),
            (.carveOutRouted(.init(patientKey: "pk-1", fromPayerID: "aetna", toPayerID: "keystone", coverage: EligibilitySamples.routedCoverage, trace: "42-1")), day("2026-12-03")),
        ])
        #expect(history.latest["aetna"]?.check.status == .active && history.latest["aetna"]?.on == day("2026-12-02"))
        #expect(history.routes["aetna"]?.toPayerID == "keystone")
        #expect(history.routed(Patient.initial).coverage(payer: "keystone", on: day("2026-12-05"))?.id == "cov-1-bh-keystone")
        #expect(EligibilitySamples.checked.covers(day("2026-12-31")) && !EligibilitySamples.checked.covers(day("2027-01-01")))
        #expect(!older.covers(day("2026-06-01")), "an inactive coverage covers no date")
    }
}
