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
    /// `identity.second_factor_failed`: a second factor was refused (counted towards the lock like a password).
    case secondFactorFailed(SecondFactorFailed)
    /// `identity.factor_enrolled`: a person confirmed a second factor (an access change).
    case factorEnrolled(FactorEnrolled)
    /// `identity.factor_removed`: a person removed one of their passkeys (an access change).
    case factorRemoved(FactorEnrolled)
    /// `identity.factors_reset`: an owner removed a person's second factors and ended their sessions (an access change).
    case factorsReset(FactorsReset)
    /// `identity.second_factor_policy_set`: an owner set who must prove a second factor (an access change).
    case secondFactorPolicySet(SecondFactorPolicySet)
    /// `identity.access_revoked`: an owner revoked a person's server access; their sessions ended at once (an access change).
    case accessRevoked(AccessRevoked)
    /// `identity.session_policy_set`: an owner set how long a signed-in session may sit unused (an access change).
    case sessionPolicySet(SessionPolicySet)

    /// The stream all identity events go to.
    public static let streamID = "identity"

    /// Every type name of the family.
    public static let eventTypes = [
        "identity.signed_in", "identity.sign_in_failed", "identity.password_set", "identity.api_key_created",
        "identity.api_key_revoked", "identity.second_factor_failed", "identity.factor_enrolled", "identity.factors_reset",
        "identity.second_factor_policy_set", "identity.access_revoked", "identity.factor_removed", "identity.session_policy_set",
    ]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .signedIn: "identity.signed_in"
        case .signInFailed: "identity.sign_in_failed"
        case .passwordSet: "identity.password_set"
        case .apiKeyCreated: "identity.api_key_created"
        case .apiKeyRevoked: "identity.api_key_revoked"
        case .secondFactorFailed: "identity.second_factor_failed"
        case .factorEnrolled: "identity.factor_enrolled"
        case .factorRemoved: "identity.factor_removed"
        case .factorsReset: "identity.factors_reset"
        case .secondFactorPolicySet: "identity.second_factor_policy_set"
        case .accessRevoked: "identity.access_revoked"
        case .sessionPolicySet: "identity.session_policy_set"
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
        case .secondFactorFailed(let p): try encodeJSON(p, encoder)
        case .factorEnrolled(let p): try encodeJSON(p, encoder)
        case .factorRemoved(let p): try encodeJSON(p, encoder)
        case .factorsReset(let p): try encodeJSON(p, encoder)
        case .secondFactorPolicySet(let p): try encodeJSON(p, encoder)
        case .accessRevoked(let p): try encodeJSON(p, encoder)
        case .sessionPolicySet(let p): try encodeJSON(p, encoder)
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
        case "identity.second_factor_failed": .secondFactorFailed(try decodeJSON(SecondFactorFailed.self, d, j))
        case "identity.factor_enrolled": .factorEnrolled(try decodeJSON(FactorEnrolled.self, d, j))
        case "identity.factor_removed": .factorRemoved(try decodeJSON(FactorEnrolled.self, d, j))
        case "identity.factors_reset": .factorsReset(try decodeJSON(FactorsReset.self, d, j))
        case "identity.second_factor_policy_set": .secondFactorPolicySet(try decodeJSON(SecondFactorPolicySet.self, d, j))
        case "identity.access_revoked": .accessRevoked(try decodeJSON(AccessRevoked.self, d, j))
        case "identity.session_policy_set": .sessionPolicySet(try decodeJSON(SessionPolicySet.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
