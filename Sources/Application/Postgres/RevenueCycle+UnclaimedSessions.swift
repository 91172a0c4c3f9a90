import Billing
import EventStore
import Foundation
import Projections

/// One session not yet on a claim, with the payer its claim would go to (the patient's first coverage in force on the
/// date of service), when the patient has one.
public struct UnclaimedSession: Sendable, Hashable {
    public let row: UnclaimedSessions.Row
    public let payer: PayerID?
}

/// A session as the console shows it before its claim is created: the record, the payers of the patient's coverages
/// in force on its date (in coordination-of-benefits order), and whether it is still waiting for a claim.
public struct SessionForClaim: Sendable {
    public let record: SessionRecord
    public let payers: [PayerID]
    public let waiting: Bool
}

/// The console's queue of sessions not yet on a claim (issue #18): the analyst table's rows, and for the rows kept the
/// payer from each patient's coverages.
extension RevenueCycle {
    /// The payer filter reads at most this many of the oldest sessions (the payer is not in the analyst table).
    public static let unclaimedPayerWindow = 500

    /// A practice's sessions not on a claim, in `order`, at most `limit`, only a provider's or a payer's when given; and
    /// how many match (with a payer filter: among the oldest `unclaimedPayerWindow`).
    public func unclaimedSessions(
        tenant: String, provider: String? = nil, payer: String? = nil, order: UnclaimedSessions.Order = .date, limit: Int = 50
    ) async throws -> (rows: [UnclaimedSession], total: Int) {
        let window = payer == nil ? limit : Self.unclaimedPayerWindow
        let (rows, total) = try await postgres.run { session in
            try UnclaimedSessions.load(tenant: tenant, provider: provider, order: order, limit: window, in: session)
        }
        let payers = try await firstPayers(rows, tenant: tenant)
        let all = zip(rows, payers).map { UnclaimedSession(row: $0, payer: $1) }
        guard let payer else { return (all, total) }
        let matching = all.filter { $0.payer?.rawValue == payer }
        return (Array(matching.prefix(limit)), matching.count)
    }

    /// One session before its claim is created.
    public func sessionForClaim(_ id: SessionID, tenant: String) async throws -> SessionForClaim {
        let waiting = try await postgres.run { session in
            try !UnclaimedSessions.load(tenant: tenant, provider: nil, sessionID: id.rawValue, order: .date, limit: 1, in: session).rows.isEmpty
        }
        return try await inTenant(tenant, source: "api") { tx, context in
            let record = try SessionService().record(id, context: context, in: tx)
            let patient = try AggregateRepository().load(Patient.self, stream: Patient.streamID(record.patientKey), tenant: context.tenant.id, in: tx).state
            let payers = patient.coverages.values.filter { $0.effective.contains(record.dateOfService) }
                .sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map(\.payerID)
            return SessionForClaim(record: record, payers: payers, waiting: waiting)
        }
    }

    /// Each row's payer: its patient's first coverage in force on the date of service.
    private func firstPayers(_ rows: [UnclaimedSessions.Row], tenant: String) async throws -> [PayerID?] {
        guard !rows.isEmpty else { return [] }
        return try await inTenant(tenant, source: "api") { tx, context in
            var patients: [String: Patient.State] = [:]
            return try rows.map { row -> PayerID? in
                let key = PatientKey(row.patientKey)
                if patients[row.patientKey] == nil {
                    patients[row.patientKey] = try AggregateRepository().load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx).state
                }
                guard let date = LocalDate(row.dateOfService) else { return nil }
                return patients[row.patientKey]?.coverages.values.filter { $0.effective.contains(date) }.min { ($0.order, $0.id) < ($1.order, $1.id) }?.payerID
            }
        }
    }
}
