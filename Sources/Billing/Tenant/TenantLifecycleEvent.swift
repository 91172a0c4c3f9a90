import Foundation

/// Facts of a tenant's own lifecycle, in its log (stream `lifecycle`).
public enum TenantLifecycleEvent: StoredEvent {
    /// `tenant.phi_destroyed`: offboarding destroyed every identity and raw file of the tenant's PHI store.
    case phiDestroyed(PHIDestroyed)

    /// The stream of the tenant's lifecycle.
    public static let streamID = "lifecycle"

    /// Every type name of the family.
    public static let eventTypes = ["tenant.phi_destroyed"]

    /// Version 2 has camelCase keys.
    public static var schemaVersions: [String: Int] { ["tenant.phi_destroyed": 2] }

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .phiDestroyed: "tenant.phi_destroyed"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .phiDestroyed(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "tenant.phi_destroyed": .phiDestroyed(try decodeJSON(PHIDestroyed.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }

    /// Version 1 to 2 of `tenant.phi_destroyed`: `identities_destroyed` and `files_destroyed` became camelCase.
    public static let upcasters: [Upcaster] = [
        .typed("tenant.phi_destroyed", from: 1, reading: PHIDestroyedV1.self) {
            PHIDestroyed(identitiesDestroyed: $0.identitiesDestroyed, filesDestroyed: $0.filesDestroyed, reason: $0.reason)
        }
    ]
}

extension TenantLifecycleEvent {
    /// Payload of `tenant.phi_destroyed` (version 2): counts and the reason, never what was destroyed.
    public struct PHIDestroyed: Codable, Sendable, Equatable {
        /// Patient identities destroyed.
        public var identitiesDestroyed: Int
        /// Raw files (X12, documents) destroyed.
        public var filesDestroyed: Int
        /// Why (the business-associate agreement ended, …).
        public var reason: String

        /// A payload with every field.
        public init(identitiesDestroyed: Int, filesDestroyed: Int, reason: String) {
            self.identitiesDestroyed = identitiesDestroyed
            self.filesDestroyed = filesDestroyed
            self.reason = reason
        }
    }

    /// `tenant.phi_destroyed` version 1, as `OffboardingService` wrote it with `JSONSerialization`.
    struct PHIDestroyedV1: Decodable {
        var identitiesDestroyed: Int
        var filesDestroyed: Int
        var reason: String

        enum CodingKeys: String, CodingKey {
            case identitiesDestroyed = "identities_destroyed"
            case filesDestroyed = "files_destroyed"
            case reason
        }
    }
}
