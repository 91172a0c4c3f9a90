import Crypto

/// Authenticator data (WebAuthn Level 2 §6.1): the SHA-256 of the RP id, flags, the signature counter, and in
/// a registration the attested credential (AAGUID, credential id, COSE public key).
public struct AuthenticatorData: Sendable {
    public let rpIDHash: [UInt8]
    public let flags: UInt8
    public let signCount: UInt32
    /// The attested credential of a registration (flag AT).
    public let credential: (aaguid: [UInt8], id: [UInt8], publicKey: COSEPublicKey)?

    /// User present (UP).
    public var userPresent: Bool { flags & 0x01 != 0 }
    /// User verified (UV: a PIN or biometric on the authenticator).
    public var userVerified: Bool { flags & 0x04 != 0 }

    public init(bytes: [UInt8]) throws(WebAuthnError) {
        guard bytes.count >= 37 else { throw WebAuthnError.malformed("authenticator data shorter than 37 bytes") }
        rpIDHash = Array(bytes[0..<32])
        flags = bytes[32]
        signCount = bytes[33..<37].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if flags & 0x40 != 0 {
            guard bytes.count >= 55 else { throw WebAuthnError.malformed("attested credential data cut short") }
            let aaguid = Array(bytes[37..<53])
            let length = Int(bytes[53]) << 8 | Int(bytes[54])
            guard length >= 1, length <= 1023, bytes.count >= 55 + length else { throw WebAuthnError.malformed("a credential id cut short or longer than 1023 bytes") }
            let id = Array(bytes[55..<55 + length])
            let rest = Array(bytes[(55 + length)...])
            let (value, used) = try CBORValue.decodePrefix(rest)
            guard used == rest.count || flags & 0x80 != 0 else { throw WebAuthnError.malformed("bytes after the credential's public key") }
            credential = (aaguid, id, try COSEPublicKey(value: value, bytes: Array(rest[0..<used])))
        } else {
            guard bytes.count == 37 || flags & 0x80 != 0 else { throw WebAuthnError.malformed("bytes after the authenticator data") }
            credential = nil
        }
    }

    /// Refuses data made for another relying party, or without the person's presence.
    func check(rpID: String) throws(WebAuthnError) {
        guard rpIDHash == Array(SHA256.hash(data: Array(rpID.utf8))) else { throw WebAuthnError.mismatch("made for another site than \(rpID)") }
        guard userPresent else { throw WebAuthnError.mismatch("the user-present flag is not set") }
    }
}
