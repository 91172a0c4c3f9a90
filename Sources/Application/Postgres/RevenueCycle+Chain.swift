import Billing
import EventStore
import Foundation
import Postgres
import Projections

extension RevenueCycle {
    /// Re-walks each tenant's hash chain (one tenant, or every tenant this login may see), optionally against
    /// a seal written by `sealLog` (its JSON).
    public func verifyChains(tenant: String?, sealJSON: Data?) async throws -> [(tenant: Tenant, report: ChainReport)] {
        let seal = try sealJSON.map { data -> Seal in
            do { return try JSONDecoder().decode(Seal.self, from: data) } catch { throw CommandRejected("not a seal written by rcm audit seal") }
        }
        let name = tenant ?? seal?.tenant.description
        let backend = try postgres
        return try await backend.run { session in
            let tx = PostgresTransaction(session: session, actingRole: backend.actingRole, wrapping: nil)
            return try Self.resolve(name, in: tx).map { tenant in (tenant, try ChainVerifier.verify(tenant: tenant.id, seal: seal, in: session)) }
        }
    }

    /// A seal of a tenant's log (tenant, position, head hash, time) as JSON, to keep outside the database.
    public func sealLog(tenant: String) async throws -> String {
        let backend = try postgres
        return try await backend.run { session in
            let found = try Self.resolve(tenant, in: PostgresTransaction(session: session, actingRole: backend.actingRole, wrapping: nil))
            return try Seal.make(tenant: found.id, in: session).json
        }
    }

    /// Replays a claim's history for an auditor, recording the read in the practice's access log.
    public func auditClaim(_ claim: String, tenant: String, reason: String) async throws -> Report {
        let backend = try postgres
        return try await backend.withTransaction { session in
            let tx = PostgresTransaction(session: session, actingRole: backend.actingRole, wrapping: nil)
            let found = try Self.resolve(tenant, in: tx)
            let history = try ClaimHistory.load(tenant: found.id, claim: claim, in: session)
            let context = CommandContext(tenant: found, actor: tx.login, reason: reason, today: CommandContext.today(in: found.timeZone))
            try AccessLog().record(record: "claim:\(claim)", purpose: reason, sensitive: false, context: context, in: tx)
            return ClaimHistory.report(history)
        }
    }
}
