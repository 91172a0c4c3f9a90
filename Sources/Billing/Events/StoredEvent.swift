import Foundation

/// An aggregate's event family as a storage contract: literal type names, integer schema versions,
/// and a JSON payload per event.
public protocol StoredEvent: Sendable, Equatable {
    /// The stored type name, e.g. `"claim.submitted"`.
    var eventType: String { get }
    /// Every type name of the family, in documentation order.
    static var eventTypes: [String] { get }
    /// The current schema version of each type (1 unless listed).
    static var schemaVersions: [String: Int] { get }
    /// The payload of this event as JSON.
    func encodePayload(with encoder: JSONEncoder) throws -> Data
    /// Decodes a payload of the current schema version.
    static func decode(eventType: String, payload: Data, with decoder: JSONDecoder) throws -> Self
}

extension StoredEvent {
    /// No type has moved past version 1 yet.
    public static var schemaVersions: [String: Int] { [:] }

    /// The current schema version of a type name.
    public static func schemaVersion(of eventType: String) -> Int { schemaVersions[eventType] ?? 1 }

    /// The current schema version of this event.
    public var schemaVersion: Int { Self.schemaVersion(of: eventType) }
}

/// Thrown when a stored event cannot be read back.
public struct EventCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, without payload contents (they may be PHI-adjacent).
    public let description: String

    /// An error with a description safe to log.
    public init(_ description: String) { self.description = description }
}

/// Encodes a payload struct with the shared encoder.
func encodeJSON<T: Encodable>(_ value: T, _ encoder: JSONEncoder) throws -> Data { try encoder.encode(value) }

/// Decodes a payload struct with the shared decoder.
func decodeJSON<T: Decodable>(_ type: T.Type, _ data: Data, _ decoder: JSONDecoder) throws -> T {
    try decoder.decode(type, from: data)
}

/// An unknown type name within a family.
func unknownEventType(_ eventType: String) -> EventCodecError { EventCodecError("Unknown event type \(eventType)") }
