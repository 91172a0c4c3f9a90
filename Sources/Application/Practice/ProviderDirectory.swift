import Billing
import EventStore
import Foundation

/// Names of a practice's providers (`Billing.ProviderProfile`, the payload of `directory.provider_profiled`),
/// kept in the practice's `directory` stream beside the billing practice aggregate.
public typealias ProviderProfile = Billing.ProviderProfile

extension ProviderProfile {
    /// Every provider profile of a tenant, by id (the last one recorded wins).
    public static func all(tenant: TenantID, in tx: any StoreTransaction) throws -> [String: ProviderProfile] {
        let codec = EventCodec()
        var profiles: [String: ProviderProfile] = [:]
        for event in try tx.log.readWholeStream(tenant: tenant, stream: DirectoryEvent.streamID)
        where DirectoryEvent.eventTypes.contains(event.eventType) {
            switch try codec.decode(DirectoryEvent.self, event.eventType, event.schemaVersion, event.payload) {
            case .providerProfiled(let profile): profiles[profile.providerID] = profile
            }
        }
        return profiles
    }

    /// The event recording this profile.
    func newEvent(context: CommandContext) throws -> NewEvent {
        let encoded = try EventCodec().encode(BillingEvent.directory(.providerProfiled(self)))
        return NewEvent(
            eventID: UUID(), streamID: DirectoryEvent.streamID, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
            json: encoded.payload, metadata: context.metadata(), effectiveDate: context.today.description)
    }
}
