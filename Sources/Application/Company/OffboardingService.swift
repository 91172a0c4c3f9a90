import Billing
import EventStore
import Foundation

/// Offboarding a practice when its business-associate agreement ends: every identity and raw file in
/// the PHI store is destroyed, the destruction is recorded in the practice's log and the company's,
/// and the tenant is marked offboarded. The log and the books are untouched; the chain still verifies.
public struct OffboardingService: Sendable {
    /// A service.
    public init() {}

    /// Offboards the context's tenant; returns (identities, files) destroyed. Owners only.
    public func offboard(context: CommandContext, in tx: any StoreTransaction) throws -> (Int, Int) {
        guard context.tenant.kind == .practice else { throw CommandRejected("only a practice can be offboarded") }
        let (identities, files) = try PHIStore().destroyAll(tenant: context.tenant.id, in: tx)
        let destroyed = try EventCodec().encode(
            BillingEvent.tenant(.phiDestroyed(.init(identitiesDestroyed: identities, filesDestroyed: files, reason: context.reason ?? ""))))
        _ = try tx.log.append(
            AppendRequest(
                tenant: context.tenant.id,
                events: [
                    NewEvent(
                        eventID: UUID(), streamID: TenantLifecycleEvent.streamID, eventType: destroyed.eventType,
                        schemaVersion: destroyed.schemaVersion, json: destroyed.payload,
                        metadata: context.metadata(), effectiveDate: context.today.description)
                ]))
        try tx.directory.markOffboarded(context.tenant.id)
        let company = try CompanyService().ensureCompany(in: tx)
        try CompanyEvent.append(
            [.practiceOffboarded(.init(tenantID: context.tenant.id.description, reason: context.reason ?? ""))], context: context.forTenant(company),
            in: tx)
        return (identities, files)
    }
}
