import Foundation

extension RecordedEvent {
    /// An event with every field given (an in-memory store builds these).
    public init(
        tenant: TenantID, position: Int64, streamID: String, streamVersion: Int64, eventID: UUID, eventType: String, schemaVersion: Int,
        payload: Data, metadata: Data, effectiveDate: String, recordedAt: Date, dbUser: String
    ) {
        self.tenant = tenant
        self.position = position
        self.streamID = streamID
        self.streamVersion = streamVersion
        self.eventID = eventID
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.effectiveDate = effectiveDate
        self.recordedAt = recordedAt
        self.dbUser = dbUser
    }
}
