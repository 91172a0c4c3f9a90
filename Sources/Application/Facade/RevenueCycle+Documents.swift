import Billing
import EventStore
import Foundation

/// Statements generated for a practice's patients with a balance due.
public struct StatementRun: Sendable {
    /// One statement per patient.
    public var documents: [GeneratedDocument]
    /// The practice's slug.
    public var practice: String
    /// The business date of the run.
    public var date: LocalDate
}

extension RevenueCycle {
    /// Posts a patient payment, optionally applied to one claim; returns the account after it.
    public func postPatientPayment(
        _ amount: Money, method: PaymentMethod, patient key: PatientKey, claim: ClaimID?, paymentID: PaymentID?, tenant: String
    ) async throws -> PatientAccount.State {
        try await inTenant(tenant) { tx, context in
            try PatientPaymentService().post(
                patient: key, amount: amount, method: method, claim: claim, paymentID: paymentID ?? PatientPaymentService.newPaymentID(),
                context: context, in: tx)
        }
    }

    /// Statements for every patient of a practice with a balance due.
    public func runStatements(tenant: String, dueInDays: Int) async throws -> StatementRun {
        try await inTenant(tenant) { tx, context in
            let service = DocumentService()
            let documents = try service.patientsWithBalance(context: context, in: tx).map {
                try service.statement(for: $0, dueInDays: dueInDays, context: context, in: tx)
            }
            return StatementRun(documents: documents, practice: context.tenant.slug, date: context.today)
        }
    }

    /// A Good Faith Estimate for a self-pay client, valid through a date (a year from today when nil).
    public func createEstimate(
        for key: PatientKey, items: [EstimateItem], validThrough: LocalDate?, tenant: String
    ) async throws -> GeneratedDocument {
        try await inTenant(tenant) { tx, context in
            try DocumentService().estimate(
                for: key, items: items, validThrough: validThrough ?? context.today.adding(days: 364), context: context, in: tx)
        }
    }

    /// Superbills of a client's sessions in a date range, one per rendering provider.
    public func superbills(for key: PatientKey, from: LocalDate, through: LocalDate, tenant: String) async throws -> [GeneratedDocument] {
        try await inTenant(tenant) { tx, context in try DocumentService().superbills(for: key, from: from, through: through, context: context, in: tx) }
    }
}
