import Billing
import EventStore
import Foundation
import Postgres
import Projections

/// One read of protected data, as the access trail shows it.
public struct AccessRecord: Sendable, Equatable {
    /// The practice's slug.
    public var practice: String
    /// When the server recorded the read.
    public var recordedAt: Date
    /// The database login that read.
    public var login: String
    /// What was read (`patient:…`, `claim:…`).
    public var record: String
    /// Why.
    public var reason: String
    /// A 42 CFR Part 2 record.
    public var sensitive: Bool
}

extension RevenueCycle {
    /// Re-walks each tenant's hash chain (one tenant, or every tenant this login may see), optionally against
    /// a seal written by `sealLog` (its JSON).
    public func verifyChains(tenant: String?, sealJSON: Data?) async throws -> [(tenant: Tenant, report: ChainReport)] {
        let seal = try sealJSON.map { data -> Seal in
            do { return try JSONDecoder().decode(Seal.self, from: data) } catch { throw CommandRejected("not a seal written by rcm audit seal") }
        }
        let name = tenant ?? seal?.tenant.description
        return try await postgres.run { session in
            let tx = PostgresTransaction(session: session)
            return try Self.resolve(name, in: tx).map { tenant in (tenant, try ChainVerifier.verify(tenant: tenant.id, seal: seal, in: session)) }
        }
    }

    /// A seal of a tenant's log (tenant, position, head hash, time) as JSON, to keep outside the database.
    public func sealLog(tenant: String) async throws -> String {
        try await postgres.run { session in
            let found = try Self.resolve(tenant, in: PostgresTransaction(session: session))
            return try Seal.make(tenant: found.id, in: session).json
        }
    }

    /// Replays a claim's history for an auditor, recording the read in the practice's access log.
    public func auditClaim(_ claim: String, tenant: String, reason: String) async throws -> Report {
        try await postgres.connection.withTransaction { session in
            let tx = PostgresTransaction(session: session)
            let found = try Self.resolve(tenant, in: tx)
            let history = try ClaimHistory.load(tenant: found.id, claim: claim, in: session)
            let context = CommandContext(tenant: found, actor: tx.login, reason: reason, today: CommandContext.today(in: found.timeZone))
            try AccessLog().record(record: "claim:\(claim)", purpose: reason, sensitive: false, context: context, in: tx)
            return ClaimHistory.report(history)
        }
    }

    /// The access trail: reads of a patient's records, or by a login, since a date, in some or all tenants.
    public func accessTrail(patient: PatientKey?, login: String?, since: LocalDate?, tenant: String?) async throws -> [AccessRecord] {
        try await backend.transaction { tx in
            let tenants = try Self.resolve(tenant, in: tx)
            let slugs = Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, $0.slug) })
            let events = try tx.log.events(
                ofTypes: [AccessLog.eventType], tenants: tenants.map(\.id), login: login, recordedSince: since?.description)
            let records = try events.compactMap { event -> (AccessRecord, Int64)? in
                let read = try AccessLog.decode(event)
                guard patient == nil || read.patientKey == patient?.rawValue else { return nil }
                let reason = (try? event.decodedMetadata().reason) ?? nil
                return (
                    AccessRecord(
                        practice: slugs[event.tenant] ?? "", recordedAt: event.recordedAt, login: event.dbUser, record: read.record,
                        reason: reason ?? read.purpose, sensitive: read.sensitive), event.position
                )
            }
            return records.sorted { ($0.0.recordedAt, $0.0.practice, $0.1) < ($1.0.recordedAt, $1.0.practice, $1.1) }.map(\.0)
        }
    }
}
