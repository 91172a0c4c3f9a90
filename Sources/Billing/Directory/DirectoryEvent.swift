import Foundation

/// Facts of a practice's provider directory (stream `directory`): the names the 837P needs beside the
/// practice aggregate's providers. A provider's name is not PHI.
public enum DirectoryEvent: StoredEvent {
    /// `directory.provider_profiled`: a provider's name and credentials were recorded (the last one wins).
    case providerProfiled(ProviderProfile)

    /// The stream of the directory.
    public static let streamID = "directory"

    /// Every type name of the family.
    public static let eventTypes = ["directory.provider_profiled"]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .providerProfiled: "directory.provider_profiled"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .providerProfiled(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "directory.provider_profiled": .providerProfiled(try decodeJSON(ProviderProfile.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
