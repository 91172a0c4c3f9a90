import Foundation

extension Session {
    /// Facts about a session.
    public enum Event: StoredEvent {
        /// `session.logged`: the session was logged.
        case logged(Logged)
        /// `session.corrected`: the record was corrected.
        case corrected(Corrected)
        /// `session.voided`: the session was voided.
        case voided(Voided)

        /// Every type name of the family.
        public static let eventTypes = [
            "session.logged",
            "session.corrected",
            "session.voided",
        ]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .logged: "session.logged"
            case .corrected: "session.corrected"
            case .voided: "session.voided"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .logged(let p): try encodeJSON(p, encoder)
            case .corrected(let p): try encodeJSON(p, encoder)
            case .voided(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "session.logged": .logged(try decodeJSON(Logged.self, d, j))
            case "session.corrected": .corrected(try decodeJSON(Corrected.self, d, j))
            case "session.voided": .voided(try decodeJSON(Voided.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
