/// Why a WebAuthn registration or assertion is refused: a sentence that names what is wrong, for the log of
/// the refusal and the person's page (it never holds a key, a signature or a challenge).
public enum WebAuthnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bytes that are not what the format says (CBOR, base64url, JSON, authenticator data).
    case malformed(String)
    /// Well-formed, but not for this relying party, ceremony or challenge.
    case mismatch(String)
    /// A key type or algorithm the product does not take.
    case unsupported(String)
    /// The signature does not verify with the stored key.
    case badSignature
    /// The authenticator's counter did not increase: a cloned authenticator or a replayed assertion.
    case replayedCounter(stored: UInt32, presented: UInt32)

    public var description: String {
        switch self {
        case .malformed(let what): "the passkey's answer is malformed: \(what)"
        case .mismatch(let what): "the passkey's answer does not match: \(what)"
        case .unsupported(let what): "the passkey is not supported: \(what)"
        case .badSignature: "the passkey's signature does not verify"
        case .replayedCounter(let stored, let presented):
            "the passkey's counter did not increase (\(presented) after \(stored)): a replayed assertion or a cloned authenticator"
        }
    }

    /// The reason recorded in `identity.second_factor_failed`.
    public var reason: String {
        switch self {
        case .malformed: "malformed"
        case .mismatch: "mismatch"
        case .unsupported: "unsupported"
        case .badSignature: "wrong_signature"
        case .replayedCounter: "replayed_counter"
        }
    }
}
