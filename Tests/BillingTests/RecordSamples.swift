import Foundation
import Billing

/// One or more events of every type kept beside the aggregates (company, remittance, directory, X12
/// interchanges, tenant lifecycle, PHI access), built as the application builds them.
enum RecordSamples {
    static let tenant = "3f1c2a7e-0b5d-4c1e-9a8f-2d6b7c8e9f01"

    static let practice = PracticeProfile(
        tenantID: tenant, slug: "acme", name: "Acme Counseling", timeZone: "America/Chicago", npi: "1234567893",
        taxID: "123456789", taxonomy: "101Y00000X", street: "1 Main St", city: "Springfield", state: "IL", zip: "627011234")

    static let manifest = SubmissionManifest(
        interchangeControlNumber: 7, groupControlNumber: 7, transactionControlNumber: "0001", batchReference: "B7",
        payerID: "60054", claimNumbers: ["RC-1001", "RC-1002"])

    static func all() -> [BillingEvent] {
        let company: [CompanyEvent] = [
            .practiceOnboarded(practice),
            .practiceOffboarded(.init(tenantID: tenant, reason: "BAA ended 2026/06/30")),
            .payerAdded(
                PayerProfile(payerID: "aetna", name: "Aetna", x12PayerID: "60054", kind: "commercial", filingIndicator: "CI")),
            .staffAdded(.init(login: "jdoe", group: "staff")),
            .staffAssigned(.init(login: "jdoe", tenantID: tenant)),
            .submitterConfigured(
                SubmitterProfile(
                    name: "Northwind Billing", etin: "E1", senderID: "NWB", receiverID: "CLEARHOUSE", receiverName: "CH",
                    contactPhone: "5555550100")),
        ]
        let remittance: [RemittanceEvent] = [
            .received(
                .init(
                    payerID: "60054", traceNumber: "EFT-0042", amount: usd("-1234.50"), paymentDate: day("2026-03-15"),
                    transactionControlNumber: "0001",
                    fileSHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", balanced: true,
                    claims: 2)),
            .received(
                .init(
                    payerID: "60054", traceNumber: "EFT-0043", amount: .zero, paymentDate: nil,
                    transactionControlNumber: "0002", fileSHA256: "ab", balanced: false, claims: 0)),
            .unapplied(
                .init(
                    patientControlNumber: "RC-1001", statusCode: "1", payerClaimNumber: nil, lineControlNumber: nil,
                    procedureCode: nil, charge: usd("150.00"), paid: usd("96.00"),
                    reason: "no claim of ours has this number")),
            .unapplied(
                .init(
                    patientControlNumber: "RC-1002", statusCode: "2", payerClaimNumber: "ICN-9",
                    lineControlNumber: "RC-1002-1", procedureCode: "90837", charge: usd("200.00"), paid: usd("12.34"),
                    reason: "the service line matches no line of the claim")),
            .providerAdjustment(
                .init(
                    providerID: "1234567893", fiscalPeriodDate: day("2026-12-31"), reason: "L6", reference: nil,
                    amount: usd("-5.25"), kind: .interest, claimNumber: nil)),
            .providerAdjustment(
                .init(
                    providerID: "1234567893", fiscalPeriodDate: day("2026-12-31"), reason: "WO", reference: "ICN-9",
                    amount: usd("40.00"), kind: .recoupment, claimNumber: ClaimNumber("RC-1002"))),
        ]
        return company.map(BillingEvent.company) + remittance.map(BillingEvent.remittance) + [
            .directory(
                .providerProfiled(
                    ProviderProfile(providerID: "dr-lee", firstName: "Ana", lastName: "Lee", credentials: "LCSW"))),
            .interchange(.sent(.init(sha256: "ab12", fileName: "acme/837P-000000007.x12", manifest: manifest))),
            .tenant(.phiDestroyed(.init(identitiesDestroyed: 3, filesDestroyed: 7, reason: "BAA ended"))),
            .access(
                .phiViewed(.init(record: "claim:c-1", purpose: "eligibility call", sensitive: true, patientKey: "pk-1"))),
            .access(.phiViewed(.init(record: "patient:pk-1", purpose: "statement", sensitive: false, patientKey: nil))),
            .identity(.signedIn(.init(login: "ana_lee", sessionID: UUID(uuidString: "8C5A8F4E-2B4B-4D9A-9E4D-1F7B9E0A1C22")!, method: "password"))),
            .identity(.signInFailed(.init(login: nil, reason: "unknown_login"))),
            .identity(.passwordSet(.init(login: "ana_lee"))),
            .identity(
                .apiKeyCreated(
                    .init(
                        keyID: "k0a1b2c3d4e5", role: "rcm_key_k0a1b2c3d4e5", label: "EHR sync", actions: ["sessions.log"],
                        tenantIDs: [UUID(uuidString: "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0")!]))),
            .identity(.apiKeyRevoked(.init(keyID: "k0a1b2c3d4e5"))),
            .identity(.secondFactorFailed(.init(login: "ana_lee", factor: "totp", reason: "reused_code"))),
            .identity(.factorEnrolled(.init(login: "ana_lee", factor: "totp"))),
            .identity(.factorsReset(.init(login: "ana_lee"))),
            .identity(.secondFactorPolicySet(.init(requiredFor: "everyone"))),
            .identity(.accessRevoked(.init(login: "ana_lee", sessionsEnded: 2))),
            .identity(.factorRemoved(.init(login: "ana_lee", factor: "passkey"))),
            .identity(.sessionPolicySet(.init(idleSeconds: 900))),
        ]
    }
}
