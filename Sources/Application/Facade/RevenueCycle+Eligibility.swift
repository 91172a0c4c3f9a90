import Billing
import Foundation

extension RevenueCycle {
    /// Writes a 270 for one patient (the payer given, else the primary coverage in force on `date`).
    public func checkEligibility(
        tenant: String, patient: PatientKey, payer: PayerID?, date: LocalDate?, directory: URL, now: Date = Date()
    ) async throws -> EligibilityInquiryService.Result {
        let counter = try await backend.interchangeCounter()
        return try await inTenant(tenant) { tx, context in
            try EligibilityInquiryService().check(
                patient: patient, payer: payer, date: date ?? context.today, directory: directory, now: now, context: context, in: tx,
                nextControlNumber: counter)
        }
    }

    /// Writes one 270 per payer for every patient with a session in `month`; returns them and how many patients were
    /// skipped (no coverage in force, identity destroyed).
    public func checkEligibilityBatch(
        tenant: String, month: LocalDate, directory: URL, now: Date = Date()
    ) async throws -> (results: [EligibilityInquiryService.Result], skipped: Int) {
        let counter = try await backend.interchangeCounter()
        let outcome = try await inTenant(tenant) { tx, context in
            let batch = try EligibilityInquiryService().batch(month: month, directory: directory, now: now, context: context, in: tx, nextControlNumber: counter)
            return EligibilityBatchOutcome(results: batch.results, skipped: batch.skipped)
        }
        return (outcome.results, outcome.skipped)
    }

    /// Imports a 271: all of it, or nothing when any answer is not ours.
    public func importEligibility(_ file: X12Upload, tenant: String?) async throws -> EligibilityImportService.Outcome {
        let (outcome, tenants) = try await backend.transaction { tx in
            let tenants = try Self.resolve(tenant, in: tx)
            let outcome = try EligibilityImportService().importFile(bytes: file.bytes, fileName: file.fileName, tenants: tenants, actor: tx.login, in: tx)
            return (outcome, tenants.map(\.id))
        }
        if outcome.recorded > 0 { await afterCommit(tenants) }
        return outcome
    }
}

/// The results of a batch, as one sendable value.
struct EligibilityBatchOutcome: Sendable {
    var results: [EligibilityInquiryService.Result]
    var skipped: Int
}

extension RevenueCycle {
    /// Routes (confirmed) or proposes routing a patient's behavioral-health benefit to the carve-out payer a 271 named.
    public func routeCarveOut(tenant: String, patient: PatientKey, to payer: PayerID, confirm: Bool) async throws -> CarveOutRoutingService.Outcome {
        try await inTenant(tenant, reason: confirm ? "carve-out routing confirmed" : nil) { tx, context in
            try CarveOutRoutingService().route(patient: patient, to: payer, confirm: confirm, context: context, in: tx)
        }
    }

    /// Sets how many days an eligibility check stays current for a practice.
    public func setEligibilityPolicy(tenant: String, days: Int) async throws {
        try await inTenant(tenant) { tx, context in try CarveOutRoutingService().setPolicy(days: days, context: context, in: tx) }
    }
}
