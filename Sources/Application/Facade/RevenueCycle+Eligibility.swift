import Billing
import Foundation

extension RevenueCycle {
    /// Writes a 270 for one patient (the payer given, else the primary coverage in force on `date`), into `directory`
    /// and the PHI store (nil: the PHI store only).
    public func checkEligibility(
        tenant: String, patient: PatientKey, payer: PayerID?, date: LocalDate?, directory: URL?, now: Date = Date()
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

extension RevenueCycle {
    /// Claims sent `days` or more ago that no payer answered (no 835, no finalized or rejecting 277).
    public func unansweredClaims(tenant: String, days: Int) async throws -> [ClaimStatusService.Waiting] {
        try await inTenant(tenant) { tx, context in try ClaimStatusService().unanswered(days: days, context: context, in: tx) }
    }

    /// Writes one 276 per payer for the unanswered claims only.
    public func inquireClaimStatus(tenant: String, days: Int, directory: URL, now: Date = Date()) async throws -> [ClaimStatusService.Sent] {
        let counter = try await backend.interchangeCounter()
        return try await inTenant(tenant) { tx, context in
            try ClaimStatusService().inquire(days: days, directory: directory, now: now, context: context, in: tx, nextControlNumber: counter)
        }
    }

    /// Imports a 277 claim status response: all of it or nothing.
    public func importClaimStatus(_ file: X12Upload, tenant: String?) async throws -> ClaimStatusImportService.Outcome {
        let (outcome, tenants) = try await backend.transaction { tx in
            let tenants = try Self.resolve(tenant, in: tx)
            return (try ClaimStatusImportService().importFile(bytes: file.bytes, fileName: file.fileName, tenants: tenants, actor: tx.login, in: tx), tenants.map(\.id))
        }
        if outcome.recorded > 0 { await afterCommit(tenants) }
        return outcome
    }

    /// Claims a 277 sent to a person: rejected, not found, information requested.
    public func claimStatusWorklist(tenant: String) async throws -> [ClaimStatusEvent.Reported] {
        try await inTenant(tenant) { tx, context in try ClaimStatusService().worklist(context: context, in: tx) }
    }
}

extension RevenueCycle {
    /// The practice's alerts on its business date.
    public func alerts(tenant: String) async throws -> [Alert] {
        try await inTenant(tenant) { tx, context in try AlertService().list(context: context, in: tx) }
    }
}
