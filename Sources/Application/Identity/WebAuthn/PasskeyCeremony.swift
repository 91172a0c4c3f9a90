import Foundation

/// A passkey ceremony the server started: the challenge it stored for the session (single-use, two minutes),
/// the person, and their passkeys' ids (excluded from a registration, allowed for a sign-in).
public struct PasskeyCeremony: Sendable, Equatable {
    public let login: String
    public let challenge: [UInt8]
    public let credentialIDs: [[UInt8]]

    /// The options of `navigator.credentials.create` (WebAuthn Level 2 §5.4): ES256 and RS256, attestation
    /// "none", a discoverable credential preferred, user verification preferred. Binary fields as base64url
    /// (the console's script turns them into buffers). The user handle is a hash of the login, not the login.
    public func creationOptions(relyingParty: RelyingParty) -> [String: Any] {
        [
            "rp": ["id": relyingParty.id, "name": "RevenueCycle"],
            "user": ["id": Base64URL.encode(Array(SecretToken.hash("rcm-passkey-user:" + login))), "name": login, "displayName": login],
            "challenge": Base64URL.encode(challenge),
            "pubKeyCredParams": [["type": "public-key", "alg": -7], ["type": "public-key", "alg": -257]],
            "timeout": 120_000,
            "attestation": "none",
            "excludeCredentials": credentialIDs.map { ["type": "public-key", "id": Base64URL.encode($0)] },
            "authenticatorSelection": ["residentKey": "preferred", "userVerification": "preferred"],
        ]
    }

    /// The options of `navigator.credentials.get` (§5.5): the person's passkeys only.
    public func requestOptions(relyingParty: RelyingParty) -> [String: Any] {
        [
            "rpId": relyingParty.id,
            "challenge": Base64URL.encode(challenge),
            "timeout": 120_000,
            "allowCredentials": credentialIDs.map { ["type": "public-key", "id": Base64URL.encode($0)] },
            "userVerification": "preferred",
        ]
    }
}

/// A passkey as the console lists it (never the key itself).
public struct PasskeySummary: Sendable, Equatable {
    public let credentialID: [UInt8]
    /// -7 (ES256) or -257 (RS256).
    public let algorithm: Int
    public let attestationFormat: String
    public let userVerified: Bool
    public let createdAt: Date
    public let lastUsedAt: Date?
}
