import Foundation

/// Where a consumer stands in one tenant's log, and how far behind the head it is.
public struct CheckpointLag: Sendable, Hashable {
    /// The tenant.
    public let tenant: Tenant
    /// The consumer.
    public let consumer: String
    /// The checkpoint (0 when the consumer has not started on this tenant).
    public let position: Int64
    /// The tenant's committed head.
    public let head: Int64
    /// When the checkpoint last moved, if it ever did.
    public let updatedAt: Date?
    /// When the event at the checkpoint was recorded (nil at 0).
    public let checkpointRecordedAt: Date?
    /// When the oldest event not yet consumed (at `position + 1`) was recorded; nil when caught up.
    public let firstPendingRecordedAt: Date?
    /// When the event at the head was recorded (nil for an empty log).
    public let headRecordedAt: Date?
    /// The database's clock when this was read.
    public let observedAt: Date

    /// Makes a lag (the store reads them; in-memory stores and tests make them).
    public init(
        tenant: Tenant, consumer: String, position: Int64, head: Int64, updatedAt: Date?, checkpointRecordedAt: Date?,
        firstPendingRecordedAt: Date?, headRecordedAt: Date?, observedAt: Date
    ) {
        self.tenant = tenant
        self.consumer = consumer
        self.position = position
        self.head = head
        self.updatedAt = updatedAt
        self.checkpointRecordedAt = checkpointRecordedAt
        self.firstPendingRecordedAt = firstPendingRecordedAt
        self.headRecordedAt = headRecordedAt
        self.observedAt = observedAt
    }

    /// Events not yet consumed.
    public var events: Int64 { max(0, head - position) }

    /// Seconds since the oldest event not yet consumed was recorded (0 when caught up).
    public var seconds: Double { firstPendingRecordedAt.map { observedAt.timeIntervalSince($0) } ?? 0 }
}
