import Foundation

/// An event that is its own append under its own idempotency key: one answer of an imported file, keyed by its
/// trace. `EventLog.appendEach` appends many of them in one call; a key already used appends nothing.
public struct KeyedEvent: Sendable {
    /// The event (any stream, appended at any version).
    public var event: NewEvent
    /// Its append's idempotency key (written into its metadata and `rcm.idempotency_keys`).
    public var idempotencyKey: String

    /// Makes one.
    public init(_ event: NewEvent, idempotencyKey: String) {
        self.event = event
        self.idempotencyKey = idempotencyKey
    }
}

/// Where a keyed event landed: appended now, or (replayed) the first event of the earlier append under its key.
public struct KeyedAppended: Sendable, Hashable {
    /// The event appended now, or the key's first event.
    public let event: AppendedEvent
    /// The key was used already (by an earlier append, or earlier in the same call): nothing was appended for it.
    public let replayed: Bool

    /// Makes one.
    public init(event: AppendedEvent, replayed: Bool) {
        self.event = event
        self.replayed = replayed
    }
}
