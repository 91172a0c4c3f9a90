import EventStore
import Foundation

extension CompanyEvent {
    /// Appends company events to the company tenant's `company` stream.
    static func append(_ events: [CompanyEvent], context: CommandContext, in tx: any StoreTransaction) throws {
        let metadata = context.metadata()
        let newEvents = try events.map { event in
            NewEvent(
                eventID: UUID(), streamID: streamID, eventType: event.eventType, schemaVersion: 1,
                json: try event.payload(), metadata: metadata, effectiveDate: context.today.description)
        }
        _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: newEvents))
    }
}
