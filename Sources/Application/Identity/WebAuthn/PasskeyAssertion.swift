import Crypto

/// A verified passkey assertion (WebAuthn Level 2 §7.2): signed by the stored key over authenticatorData ‖
/// SHA-256(clientDataJSON), for this relying party, with a counter that moved on.
public struct PasskeyAssertion: Sendable {
    /// The counter the authenticator reports now (the caller stores it, only if it is still higher).
    public let signCount: UInt32
    public let userVerified: Bool

    /// Verifies an assertion against the challenge the server gave (single-use: the caller has taken it from the
    /// database), the credential's stored key and counter. A counter that does not increase
    /// (when either side keeps one) is refused as a replay or a cloned authenticator.
    public init(
        clientDataJSON: [UInt8], authenticatorData: [UInt8], signature: [UInt8], challenge: [UInt8], publicKey: COSEPublicKey, storedSignCount: UInt32,
        relyingParty: RelyingParty
    ) throws(WebAuthnError) {
        let client = try ClientData(json: clientDataJSON)
        try client.check(type: "webauthn.get", challenge: challenge, relyingParty: relyingParty)
        let data = try AuthenticatorData(bytes: authenticatorData)
        try data.check(rpID: relyingParty.id)
        guard publicKey.verifies(signature, over: authenticatorData + Array(SHA256.hash(data: clientDataJSON))) else { throw WebAuthnError.badSignature }
        if data.signCount != 0 || storedSignCount != 0, data.signCount <= storedSignCount {
            throw WebAuthnError.replayedCounter(stored: storedSignCount, presented: data.signCount)
        }
        signCount = data.signCount
        userVerified = data.userVerified
    }
}
