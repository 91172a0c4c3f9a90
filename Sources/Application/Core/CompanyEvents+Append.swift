import Billing
import EventStore
import Foundation

extension CompanyEvent {
    /// Appends company events to the company tenant's `company` stream.
    static func append(_ events: [CompanyEvent], context: CommandContext, in tx: any StoreTransaction) throws {
        let metadata = context.metadata()
        let codec = EventCodec()
        let newEvents = try events.map { event in
            let encoded = try codec.encode(BillingEvent.company(event))
            return NewEvent(
                eventID: UUID(), streamID: streamID, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                json: encoded.payload, metadata: metadata, effectiveDate: context.today.description)
        }
        _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: newEvents))
    }
}
