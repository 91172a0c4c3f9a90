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
        guard let forType = steps[event.eventType] else { return event }
        var version = event.schemaVersion
        var payload = event.payload
        var applied = 0
        while let step = forType[version], applied < 1000 {
            do { payload = try step.transform(payload) } catch {
                throw EventStoreError.upcastFailed(eventType: event.eventType, schemaVersion: version, position: event.position)
            }
            version += 1
            applied += 1
        }
        return applied == 0 ? event : RecordedEvent(copying: event, schemaVersion: version, payload: payload)
    }
}
