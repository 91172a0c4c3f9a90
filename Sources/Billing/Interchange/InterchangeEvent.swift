import Foundation

/// Facts of the X12 files a practice sent (stream `x12`); the raw files are in the PHI store, keyed by hash.
public enum InterchangeEvent: StoredEvent {
    /// `x12.interchange_sent`: an 837P was written, with the claims of each transaction set, so that a 999
    /// and a 277CA can be tied back to claims.
    case sent(Sent)

    /// The stream of a practice's interchanges.
    public static let streamID = "x12"

    /// Every type name of the family.
    public static let eventTypes = ["x12.interchange_sent"]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .sent: "x12.interchange_sent"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .sent(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "x12.interchange_sent": .sent(try decodeJSON(Sent.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}

extension InterchangeEvent {
    /// Payload of `x12.interchange_sent`.
    public struct Sent: Codable, Sendable, Equatable {
        /// The SHA-256 of the file (its key in the PHI store), lower-case hex.
        public var sha256: String
        /// The file name written.
        public var fileName: String
        /// Control numbers and claim numbers.
        public var manifest: SubmissionManifest

        /// A payload with every field.
        public init(sha256: String, fileName: String, manifest: SubmissionManifest) {
            self.sha256 = sha256
            self.fileName = fileName
            self.manifest = manifest
        }
    }
}
