import Foundation

/// Who appended an event, from what, and why. Mandatory on every event.
///
/// The server also records the database login itself (`db_user`), so attribution never rests on what
/// a client claims here.
public struct EventMetadata: Sendable, Codable, Hashable {
    /// The staff user who acted (normally the database login).
    public var actor: String
    /// Where it came from: `cli`, `api`, or `x12:<file sha-256>:<ST control number>`.
    public var source: String
    /// Groups the events of one business operation (one command, one file import).
    public var correlationID: UUID
    /// The event or command that caused this one, if any.
    public var causationID: UUID?
    /// Why, when a person overrides something (`--reason`).
    public var reason: String?

    /// Makes metadata.
    public init(actor: String, source: String, correlationID: UUID, causationID: UUID? = nil, reason: String? = nil) {
        self.actor = actor
        self.source = source
        self.correlationID = correlationID
        self.causationID = causationID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case actor, source, reason
        case correlationID = "correlation_id"
        case causationID = "causation_id"
    }

    /// The JSON text stored in the `metadata` column (before the server adds the idempotency key).
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
