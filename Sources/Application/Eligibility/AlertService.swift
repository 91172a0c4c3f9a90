import Billing
import Foundation

/// `rcm alerts list`: the deadlines of a practice's patients that lose money when missed, worked out from the log
/// on the business date (`Alerts.of` per patient).
public struct AlertService: Sendable {
    /// A service.
    public init() {}

    /// Every alert of the practice, by deadline, then kind and patient.
    public func list(context: CommandContext, in tx: any StoreTransaction) throws -> [Alert] {
        let practice = try PracticeService().state(context, in: tx)
        let policy = try EligibilityRecords.policyDays(tenant: context.tenant.id, in: tx)
        let claims = ClaimService()
        let today = context.today
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1)!
        let monthEnd = LocalDate(year: today.year, month: today.month, day: LocalDate.daysIn(month: today.month, year: today.year))!
        var alerts: [Alert] = []
        for key in try tx.readModels.patientsWithAccounts(tenant: context.tenant.id) {
            let patient = try PatientService().state(key, context: context, in: tx)
            guard patient.key != nil, !patient.identityForgotten else { continue }
            let history = try EligibilityRecords.history(key, tenant: context.tenant.id, in: tx)
            let seen = !(try tx.readModels.sessionIDs(tenant: context.tenant.id, patient: key, from: monthStart, through: monthEnd)).isEmpty
            let own = try claims.claimIDs(of: key, context: context, in: tx).map { try claims.state($0, context: context, in: tx) }
            alerts += Alerts.of(
                patient: history.routed(patient), key: key, claims: own, eligibility: history, practice: practice, tenant: context.tenant.slug,
                seenThisMonth: seen, policyDays: policy, today: today)
        }
        return alerts.sorted { ($0.deadline, $0.kind, $0.patientKey, $0.subject) < ($1.deadline, $1.kind, $1.patientKey, $1.subject) }
    }
}
