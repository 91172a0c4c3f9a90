import EventStore
import Foundation

/// Names of a practice's providers (not PHI; needed for NM1*82/NM1*DQ), kept in the practice's
/// `directory` stream beside the billing practice aggregate.
public struct ProviderProfile: Sendable, Codable, Equatable {
    /// The provider id within the practice.
    public var providerID: String
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// Credentials for people (LCSW, PhD…).
    public var credentials: String

    /// Makes a profile.
    public init(providerID: String, firstName: String, lastName: String, credentials: String) {
        self.providerID = providerID
        self.firstName = firstName
        self.lastName = lastName
        self.credentials = credentials
    }

    static let eventType = "directory.provider_profiled"
    static let streamID = "directory"

    /// Every provider profile of a tenant, by id.
    public static func all(tenant: TenantID, in tx: any StoreTransaction) throws -> [String: ProviderProfile] {
        var profiles: [String: ProviderProfile] = [:]
        for event in try tx.log.readWholeStream(tenant: tenant, stream: streamID) where event.eventType == eventType {
            let profile = try JSONDecoder().decode(ProviderProfile.self, from: event.payload)
            profiles[profile.providerID] = profile
        }
        return profiles
    }

    /// The event recording this profile.
    func newEvent(context: CommandContext) throws -> NewEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return NewEvent(
            eventID: UUID(), streamID: Self.streamID, eventType: Self.eventType, schemaVersion: 1,
            json: try encoder.encode(self), metadata: context.metadata(), effectiveDate: context.today.description)
    }
}
