import EventStore
import Foundation
import Postgres

extension CompanyEvent {
    /// Appends company events to the company tenant's `company` stream.
    static func append(_ events: [CompanyEvent], context: CommandContext, in session: DatabaseSession) throws {
        let metadata = context.metadata()
        let newEvents = try events.map { event in
            NewEvent(
                eventID: UUID(), streamID: streamID, eventType: event.eventType, schemaVersion: 1,
                payload: JSONText(data: try event.payload()), metadata: metadata, effectiveDate: context.today.description)
        }
        _ = try EventLog.append(AppendRequest(tenant: context.tenant.id, events: newEvents), in: session)
    }
}
