import Foundation
import Postgres

/// An event to append: its stream, type, schema version, payload, metadata and business date.
/// Position, `recorded_at`, `db_user` and the hashes are assigned by the server.
public struct NewEvent: Sendable {
    /// A caller-minted id, unique per tenant.
    public var eventID: UUID
    /// The stream, e.g. `claim-4f1c…`.
    public var streamID: String
    /// The stored type name, e.g. `claim.submitted`.
    public var eventType: String
    /// The payload's shape version.
    public var schemaVersion: Int
    /// The payload as JSON.
    public var payload: JSONText
    /// Who, from what, why.
    public var metadata: EventMetadata
    /// The business date, `YYYY-MM-DD` in the tenant's time zone.
    public var effectiveDate: String

    /// Makes an event.
    public init(
        eventID: UUID, streamID: String, eventType: String, schemaVersion: Int, payload: JSONText,
        metadata: EventMetadata, effectiveDate: String
    ) {
        self.eventID = eventID
        self.streamID = streamID
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.effectiveDate = effectiveDate
    }
}

/// One append: events for one tenant, the expected version of each stream they touch, and an optional
/// idempotency key.
public struct AppendRequest: Sendable {
    /// The tenant whose log receives the events.
    public var tenant: TenantID
    /// Each stream touched, with its expected version, in order of first use.
    public var expectations: [(stream: String, expected: ExpectedVersion)]
    /// The events, in order.
    public var events: [NewEvent]
    /// A client command id or a business key; a repeat returns the original result and appends nothing.
    public var idempotencyKey: String?

    /// Makes a request. Streams that events use but `expectations` does not list are appended with `.any`.
    public init(
        tenant: TenantID, events: [NewEvent], expectations: [(stream: String, expected: ExpectedVersion)] = [],
        idempotencyKey: String? = nil
    ) {
        self.tenant = tenant
        self.events = events
        var listed = expectations
        for event in events where !listed.contains(where: { $0.stream == event.streamID }) {
            listed.append((event.streamID, .any))
        }
        self.expectations = listed
        self.idempotencyKey = idempotencyKey
    }
}

/// Where an appended event landed.
public struct AppendedEvent: Sendable, Hashable {
    /// Its id.
    public let eventID: UUID
    /// Its position in the tenant's log.
    public let position: Int64
    /// Its stream.
    public let streamID: String
    /// Its version in the stream.
    public let streamVersion: Int64
    /// When the server recorded it.
    public let recordedAt: Date
    /// Its chained hash.
    public let hash: Data

    /// Where an event landed, every field given (an in-memory store builds these).
    public init(eventID: UUID, position: Int64, streamID: String, streamVersion: Int64, recordedAt: Date, hash: Data) {
        self.eventID = eventID
        self.position = position
        self.streamID = streamID
        self.streamVersion = streamVersion
        self.recordedAt = recordedAt
        self.hash = hash
    }
}

/// What an append returned.
public struct AppendResult: Sendable, Hashable {
    /// The events, in position order.
    public let events: [AppendedEvent]
    /// True when the idempotency key had been used: nothing was appended, and these are the original events.
    public let replayed: Bool

    /// What an append returned, every field given.
    public init(events: [AppendedEvent], replayed: Bool) {
        self.events = events
        self.replayed = replayed
    }

    /// The last position written (or found).
    public var lastPosition: Int64 { events.last?.position ?? 0 }
}
