/// A client practice as the billing company knows it: the billing provider of its claims. The payload of
/// `company.practice_onboarded`; its keys are the field names.
public struct PracticeProfile: Sendable, Codable, Equatable {
    /// The tenant id.
    public var tenantID: String
    /// The slug.
    public var slug: String
    /// The practice's legal name (NM1*85).
    public var name: String
    /// Its IANA time zone.
    public var timeZone: String
    /// The billing provider NPI (type 1 or 2).
    public var npi: String
    /// The tax id (EIN), digits only.
    public var taxID: String
    /// The billing taxonomy code.
    public var taxonomy: String
    /// Street address (no PO box), city, state, 9-digit ZIP.
    public var street: String
    /// City.
    public var city: String
    /// Two-letter state.
    public var state: String
    /// Nine-digit ZIP.
    public var zip: String

    /// Makes a profile.
    public init(
        tenantID: String, slug: String, name: String, timeZone: String, npi: String, taxID: String, taxonomy: String,
        street: String, city: String, state: String, zip: String
    ) {
        self.tenantID = tenantID
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.npi = npi
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
    }
}
