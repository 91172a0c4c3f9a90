import Billing
import EventStore
import Foundation
import Postgres
import Projections

/// The read models in PostgreSQL: the projection's index and remittance tables, caught up for the tenant
/// inside the caller's transaction first, so an answer includes everything committed and what the caller
/// appended itself.
final class PostgresReadModels: ReadModelPort {
    let session: DatabaseSession

    init(session: DatabaseSession) { self.session = session }

    func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?) throws -> [ClaimID] {
        try ReadModelIndex.claimIDs(tenant: tenant, patient: patient, payer: payer, in: session)
    }

    func claimIDs(tenant: TenantID, status: Claim.Status?, after: ClaimID?, limit: Int) throws -> [ClaimID] {
        try ReadModelIndex.claimIDs(
            tenant: tenant, status: status.map(RevenueCycle.storedStatus), after: after?.rawValue, limit: limit, in: session)
    }

    func patientsWithAccounts(tenant: TenantID) throws -> [PatientKey] {
        try ReadModelIndex.accounts(tenant: tenant, in: session)
    }

    func sessionIDs(tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate) throws -> [SessionID] {
        try ReadModelIndex.sessionIDs(tenant: tenant, patient: patient, from: from, through: through, in: session)
    }

    func remittanceStreams(tenant: TenantID) throws -> [String] {
        try ReadModelIndex.remittanceStreams(tenant: tenant, in: session)
    }
}
