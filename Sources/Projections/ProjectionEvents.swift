import Billing
import EventStore
import Foundation
import Synchronization

/// The events the projections read, and how they become typed: every one through Billing's `EventCodec`
/// (upcasters applied), never by reading payload keys.
enum ProjectionEvents {
    /// The types read; the log is filtered by type before anything is decoded.
    static let types: [String] =
        Claim.Event.eventTypes + Session.Event.eventTypes + ["account.opened"] + RemittanceEvent.eventTypes

    /// The codec, with the standard upcasters.
    static let codec = EventCodec()

    /// Entries per slice of a batch decoded on its own thread; smaller batches are decoded on the caller's.
    static let sliceSize = 1024

    /// Decodes a batch of entries, in order. Decoding is the fold's largest cost, and events decode
    /// independently, so a large batch is cut into slices decoded on all cores at once (the caller's thread
    /// is a connection's queue, never Swift's cooperative pool).
    static func decode(_ entries: [LogEntry]) throws -> [ProjectedEvent] {
        let slices = stride(from: 0, to: entries.count, by: sliceSize).map { $0..<min($0 + sliceSize, entries.count) }
        guard slices.count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return try entries.map(decode) }
        let results = Mutex([Result<[ProjectedEvent], any Error>](repeating: .success([]), count: slices.count))
        DispatchQueue.concurrentPerform(iterations: slices.count) { index in
            let slice = Result { try entries[slices[index]].map(decode) }
            results.withLock { $0[index] = slice }
        }
        return try results.withLock { $0 }.flatMap { try $0.get() }
    }

    /// Decodes one entry.
    static func decode(_ entry: LogEntry) throws -> ProjectedEvent { try ProjectedEvent(decoding: entry) }
}

extension ProjectedEvent {
    /// Decodes a log entry with `EventCodec` (an older schema version upcast first). An event that does not
    /// decode is a `ProjectionError` naming its position, type and version, never its payload.
    public init(decoding entry: LogEntry) throws {
        let event: BillingEvent
        do {
            event = try ProjectionEvents.codec.decode(eventType: entry.eventType, schemaVersion: entry.schemaVersion, payload: entry.payload)
        } catch {
            throw ProjectionError.undecodable("position \(entry.position), \(entry.eventType) v\(entry.schemaVersion): \(error)")
        }
        self.init(event, at: LogPlace(position: entry.position, streamID: entry.streamID, effectiveDate: entry.effectiveDate))
    }
}
