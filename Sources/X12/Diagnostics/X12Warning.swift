/// Something a reader accepted but a person should know: a separator that looks wrong, an ICD-9
/// qualifier, an NPI whose check digit fails, a total that differs from its lines.
///
/// Like `X12Error`, `description` never echoes names or member ids.
public struct X12Warning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where.
    public var location: X12Location
    /// What, in words.
    public var message: String

    /// A warning at `location`.
    public init(at location: X12Location, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `location: message`.
    public var description: String {
        let place = location.description
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
