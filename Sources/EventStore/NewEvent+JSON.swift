import Foundation
import Postgres

extension NewEvent {
    /// An event whose payload is JSON bytes (what the domain's codec produces).
    public init(
        eventID: UUID = UUID(), streamID: String, eventType: String, schemaVersion: Int, json payload: Data, metadata: EventMetadata,
        effectiveDate: String
    ) {
        self.init(
            eventID: eventID, streamID: streamID, eventType: eventType, schemaVersion: schemaVersion, payload: JSONText(data: payload),
            metadata: metadata, effectiveDate: effectiveDate)
    }

    /// The payload's bytes.
    public var payloadData: Data { payload.data }
}
