/// Names of a practice's providers (not PHI; needed for NM1*82/NM1*DQ), kept in the practice's
/// `directory` stream beside the billing practice aggregate: the payload of `directory.provider_profiled`.
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
}
