import Billing
import EventStore
import Foundation
import Postgres
import Projections

/// The read models in PostgreSQL: the projections' tables, caught up for the tenant inside the caller's
/// transaction first, so an answer includes everything committed and what the caller appended itself.
final class PostgresReadModels: ReadModelPort {
    let session: DatabaseSession

    init(session: DatabaseSession) { self.session = session }

    func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?) throws -> [ClaimID] {
        try PatientIndex.claimIDs(tenant: tenant, patient: patient?.rawValue, payer: payer?.rawValue, in: session).map { ClaimID($0) }
    }

    func patientsWithAccounts(tenant: TenantID) throws -> [PatientKey] {
        try PatientIndex.accounts(tenant: tenant, in: session).map { PatientKey($0) }
    }

    func sessionIDs(tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate) throws -> [SessionID] {
        try PatientIndex.sessionIDs(tenant: tenant, patient: patient.rawValue, from: from.description, through: through.description, in: session)
            .map { SessionID($0) }
    }

    func remittanceStreams(tenant: TenantID) throws -> [String] {
        var streams: [String] = []
        var after: Int64 = 0
        while true {
            let batch = try EventLog.readLog(tenant: tenant, after: after, limit: 5000, types: ["remittance.received"], in: session)
            for event in batch where !streams.contains(event.streamID) { streams.append(event.streamID) }
            guard batch.count == 5000, let last = batch.last else { return streams }
            after = last.position
        }
    }
}
