import Crypto
import _CryptoExtras

/// A credential's public key as its authenticator gave it (a COSE_Key, RFC 9053): ES256 (EC2, P-256,
/// alg -7) or RS256 (RSA, alg -257, at least 2048 bits). The product stores the COSE bytes as received and
/// verifies signatures with swift-crypto.
public struct COSEPublicKey: Sendable {
    /// The COSE algorithm: -7 (ES256) or -257 (RS256).
    public let algorithm: Int
    /// The key's CBOR bytes as stored.
    public let bytes: [UInt8]
    private let key: Key

    /// The key's numbers (swift-crypto's key types are not Sendable): checked when read, made a key to verify.
    private enum Key: Sendable {
        case es256(x963: [UInt8])
        case rs256(n: [UInt8], e: [UInt8])
    }

    /// The key of COSE bytes.
    public init(bytes: [UInt8]) throws(WebAuthnError) {
        try self.init(value: try CBORValue.decode(bytes), bytes: bytes)
    }

    /// The key of a decoded COSE map and the bytes it came from.
    init(value: CBORValue, bytes: [UInt8]) throws(WebAuthnError) {
        guard let kty = value[1]?.integer, let alg = value[3]?.integer else { throw WebAuthnError.malformed("a COSE key without kty or alg") }
        switch (kty, alg) {
        case (2, -7):
            guard value[-1]?.integer == 1 else { throw WebAuthnError.unsupported("an EC2 key on a curve other than P-256") }
            guard case .bytes(let x)? = value[-2], case .bytes(let y)? = value[-3], x.count == 32, y.count == 32 else {
                throw WebAuthnError.malformed("an EC2 key without 32-byte x and y")
            }
            guard (try? P256.Signing.PublicKey(x963Representation: [4] + x + y)) != nil else { throw WebAuthnError.malformed("an EC2 point not on P-256") }
            self.key = .es256(x963: [4] + x + y)
        case (3, -257):
            guard case .bytes(let n)? = value[-1], case .bytes(let e)? = value[-2], !e.isEmpty, e.count <= 8 else {
                throw WebAuthnError.malformed("an RSA key without n and e")
            }
            guard let key = try? _RSA.Signing.PublicKey(n: n, e: e), key.keySizeInBits >= 2048 else {
                throw WebAuthnError.unsupported("an RSA key shorter than 2048 bits")
            }
            self.key = .rs256(n: n, e: e)
        default:
            throw WebAuthnError.unsupported("COSE key type \(kty) with algorithm \(alg) (ES256 and RS256 are taken)")
        }
        self.algorithm = Int(alg)
        self.bytes = bytes
    }

    /// Whether `signature` (ES256: ASN.1 DER, as WebAuthn sends it; RS256: PKCS #1 v1.5) signs `message`
    /// with SHA-256.
    public func verifies(_ signature: [UInt8], over message: [UInt8]) -> Bool {
        switch key {
        case .es256(let x963):
            guard let key = try? P256.Signing.PublicKey(x963Representation: x963),
                let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
            else { return false }
            return key.isValidSignature(parsed, for: message)
        case .rs256(let n, let e):
            guard let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { return false }
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5)
        }
    }
}
