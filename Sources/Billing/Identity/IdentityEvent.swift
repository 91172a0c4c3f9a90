import Foundation

/// Facts of who may use the server, in the company tenant's log (stream `identity`): sign-ins and their
/// failures (written by the database's sign-in function, acting as the server's login), passwords set and
/// API keys created or revoked (written by owners' administration). Logins and key ids only: no PHI, no
/// password, token or secret, nor any hash of one.
public enum IdentityEvent: StoredEvent {
    /// `identity.signed_in`: a person signed in to the server and a session was opened.
    case signedIn(SignedIn)
    /// `identity.sign_in_failed`: a sign-in was refused.
    case signInFailed(SignInFailed)
    /// `identity.password_set`: an owner set a person's server password (the person's sessions ended).
    case passwordSet(PasswordSet)
    /// `identity.api_key_created`: an API key (a role of its own) was created.
    case apiKeyCreated(APIKeyCreated)
    /// `identity.api_key_revoked`: an API key was revoked.
    case apiKeyRevoked(APIKeyRevoked)

    /// The stream all identity events go to.
    public static let streamID = "identity"

    /// Every type name of the family.
    public static let eventTypes = [
        "identity.signed_in", "identity.sign_in_failed", "identity.password_set", "identity.api_key_created",
        "identity.api_key_revoked",
    ]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .signedIn: "identity.signed_in"
        case .signInFailed: "identity.sign_in_failed"
        case .passwordSet: "identity.password_set"
        case .apiKeyCreated: "identity.api_key_created"
        case .apiKeyRevoked: "identity.api_key_revoked"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .signedIn(let p): try encodeJSON(p, encoder)
        case .signInFailed(let p): try encodeJSON(p, encoder)
        case .passwordSet(let p): try encodeJSON(p, encoder)
        case .apiKeyCreated(let p): try encodeJSON(p, encoder)
        case .apiKeyRevoked(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "identity.signed_in": .signedIn(try decodeJSON(SignedIn.self, d, j))
        case "identity.sign_in_failed": .signInFailed(try decodeJSON(SignInFailed.self, d, j))
        case "identity.password_set": .passwordSet(try decodeJSON(PasswordSet.self, d, j))
        case "identity.api_key_created": .apiKeyCreated(try decodeJSON(APIKeyCreated.self, d, j))
        case "identity.api_key_revoked": .apiKeyRevoked(try decodeJSON(APIKeyRevoked.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
