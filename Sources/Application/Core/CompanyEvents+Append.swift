import Billing
import EventStore
import Foundation
import Postgres

extension CompanyEvent {
    /// Appends company events to the company tenant's `company` stream.
    static func append(_ events: [CompanyEvent], context: CommandContext, in session: DatabaseSession) throws {
        let metadata = context.metadata()
        let codec = EventCodec()
        let newEvents = try events.map { event in
            let encoded = try codec.encode(BillingEvent.company(event))
            return NewEvent(
                eventID: UUID(), streamID: streamID, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                payload: JSONText(data: encoded.payload), metadata: metadata, effectiveDate: context.today.description)
        }
        _ = try EventLog.append(AppendRequest(tenant: context.tenant.id, events: newEvents), in: session)
    }
}
