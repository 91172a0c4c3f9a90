import Foundation

/// A verified passkey registration (WebAuthn Level 2 §7.1): what the product stores of it.
public struct PasskeyRegistration: Sendable {
    /// The credential id the authenticator chose.
    public let credentialID: [UInt8]
    /// The public key (COSE bytes) and its algorithm.
    public let publicKey: COSEPublicKey
    /// The counter at registration (0 when the authenticator keeps none).
    public let signCount: UInt32
    /// The attestation format as sent ("none" is taken: the product does not judge authenticators' makers).
    public let attestationFormat: String
    /// Whether the authenticator verified the person (PIN or biometric).
    public let userVerified: Bool

    /// Verifies a registration's `clientDataJSON` and `attestationObject` for `relyingParty`: type
    /// webauthn.create, origin, not cross-origin; the RP id's hash, the user-present flag, an attested ES256 or
    /// RS256 key; the challenge the server gave (single-use: the caller has taken it from the database).
    public init(clientDataJSON: [UInt8], attestationObject: [UInt8], challenge: [UInt8], relyingParty: RelyingParty) throws(WebAuthnError) {
        let client = try ClientData(json: clientDataJSON)
        try client.check(type: "webauthn.create", challenge: challenge, relyingParty: relyingParty)
        let attestation = try CBORValue.decode(attestationObject)
        guard case .text(let format)? = attestation["fmt"], case .bytes(let authData)? = attestation["authData"],
            case .map? = attestation["attStmt"]
        else { throw WebAuthnError.malformed("an attestation object without fmt, attStmt and authData") }
        guard format.count <= 32 else { throw WebAuthnError.malformed("an attestation format name longer than 32 characters") }
        let data = try AuthenticatorData(bytes: authData)
        try data.check(rpID: relyingParty.id)
        guard let credential = data.credential else { throw WebAuthnError.malformed("a registration without an attested credential") }
        credentialID = credential.id
        publicKey = credential.publicKey
        signCount = data.signCount
        attestationFormat = format
        userVerified = data.userVerified
    }
}
