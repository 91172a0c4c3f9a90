import Foundation

/// Turns stored events of older schema versions into the current shape when they are read.
///
/// Each upcaster takes one event type from one version to the next; they chain until no upcaster
/// applies. The stored row is never changed.
public struct UpcasterRegistry: Sendable {
    /// One step: `eventType` at `fromVersion` becomes `fromVersion + 1`.
    public struct Step: Sendable {
        /// The event type.
        public let eventType: String
        /// The version it upgrades from.
        public let fromVersion: Int
        /// The payload transformation.
        public let transform: @Sendable (Data) throws -> Data

        /// Makes a step.
        public init(eventType: String, fromVersion: Int, transform: @escaping @Sendable (Data) throws -> Data) {
            self.eventType = eventType
            self.fromVersion = fromVersion
            self.transform = transform
        }
    }

    private let steps: [String: [Int: Step]]

    /// No upcasting.
    public static let none = UpcasterRegistry(steps: [])

    /// A registry of steps.
    public init(steps: [Step]) {
        var table: [String: [Int: Step]] = [:]
        for step in steps { table[step.eventType, default: [:]][step.fromVersion] = step }
        self.steps = table
    }

    /// The event in its current shape.
    public func upcast(_ event: RecordedEvent) throws -> RecordedEvent {
        guard let (version, payload) = try upcast(event.eventType, event.schemaVersion, event.payload, at: event.position)
        else { return event }
        return RecordedEvent(copying: event, schemaVersion: version, payload: payload)
    }

    /// The entry in its current shape.
    public func upcast(_ entry: LogEntry) throws -> LogEntry {
        guard let (version, payload) = try upcast(entry.eventType, entry.schemaVersion, entry.payload, at: entry.position)
        else { return entry }
        return LogEntry(
            position: entry.position, streamID: entry.streamID, eventType: entry.eventType, schemaVersion: version, payload: payload,
            effectiveDate: entry.effectiveDate)
    }

    /// The current version and payload, or nil when no step applies.
    private func upcast(_ eventType: String, _ schemaVersion: Int, _ payload: Data, at position: Int64) throws -> (Int, Data)? {
        guard let forType = steps[eventType], forType[schemaVersion] != nil else { return nil }
        var version = schemaVersion
        var payload = payload
        var applied = 0
        while let step = forType[version], applied < 1000 {
            do { payload = try step.transform(payload) } catch {
                throw EventStoreError.upcastFailed(eventType: eventType, schemaVersion: version, position: position)
            }
            version += 1
            applied += 1
        }
        return (version, payload)
    }
}
