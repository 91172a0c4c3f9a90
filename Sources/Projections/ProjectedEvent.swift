import Billing

/// Where an event sits in its tenant's log: what the rows record beside the event's own facts.
public struct LogPlace: Sendable, Hashable {
    /// The position in the tenant's log.
    public let position: Int64
    /// The event's stream (`claim-…`, `session-…`, `remit-<payer>-<trace>`).
    public let streamID: String
    /// The business date as the log stores it, `YYYY-MM-DD`.
    public let effectiveDate: String

    /// A place in the log.
    public init(position: Int64, streamID: String, effectiveDate: String) {
        self.position = position
        self.streamID = streamID
        self.effectiveDate = effectiveDate
    }
}

/// An event as the projections fold it: the domain's own type, decoded by `EventCodec` (an older schema
/// version upcast first), at its place in the log. No payload is read by key.
public struct ProjectedEvent: Sendable {
    /// Where it sits.
    public let place: LogPlace
    /// The event.
    public let event: BillingEvent

    /// An event at a place.
    public init(_ event: BillingEvent, at place: LogPlace) {
        self.place = place
        self.event = event
    }
}
