import Crypto
import Foundation

/// A passkey authenticator in the test (swift-crypto's P-256, CBOR written out by hand from RFC 8949 and
/// WebAuthn Level 2): it answers the console's registration and assertion options as a browser would, with
/// a counter the test chooses, so that replays can be made on purpose.
struct SoftwareAuthenticator {
    let key = P256.Signing.PrivateKey()
    let credentialID = (0..<16).map { _ in UInt8.random(in: 0...255) }
    let rpID: String
    let origin: String

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func bytes(_ text: String) -> [UInt8] {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Array(Data(base64Encoded: standard) ?? Data())
    }

    var rpIDHash: [UInt8] { Array(SHA256.hash(data: Array(rpID.utf8))) }

    func clientData(_ type: String, challenge: String) -> [UInt8] {
        Array(#"{"type":"\#(type)","challenge":"\#(challenge)","origin":"\#(origin)","crossOrigin":false}"#.utf8)
    }

    /// The body `/app/passkeys` takes for creation options (`challenge` as the server sent it).
    func registration(challenge: String) -> [String: String] {
        let point = Array(key.publicKey.x963Representation)  // 04 ‖ x ‖ y
        let cose: [UInt8] = [0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20] + point[1...32] + [0x22, 0x58, 0x20] + point[33...64]
        let authData = rpIDHash + [0x45, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 16) + [0, UInt8(credentialID.count)] + credentialID + cose
        let attestation: [UInt8] =
            [0xa3, 0x63] + Array("fmt".utf8) + [0x64] + Array("none".utf8) + [0x67] + Array("attStmt".utf8) + [0xa0] + [0x68] + Array("authData".utf8)
            + [0x59, UInt8(authData.count >> 8), UInt8(authData.count & 0xff)] + authData
        return [
            "id": Self.base64url(credentialID), "clientDataJSON": Self.base64url(clientData("webauthn.create", challenge: challenge)),
            "attestationObject": Self.base64url(attestation),
        ]
    }

    /// The body `/app/sign-in/passkey` takes: user present and verified, the counter given.
    func assertion(challenge: String, counter: UInt32) throws -> [String: String] {
        let authData = rpIDHash + [0x05, UInt8(counter >> 24), UInt8(counter >> 16 & 0xff), UInt8(counter >> 8 & 0xff), UInt8(counter & 0xff)]
        let client = clientData("webauthn.get", challenge: challenge)
        let signature = try key.signature(for: authData + Array(SHA256.hash(data: client)))
        return [
            "id": Self.base64url(credentialID), "clientDataJSON": Self.base64url(client), "authenticatorData": Self.base64url(authData),
            "signature": Self.base64url(Array(signature.derRepresentation)),
        ]
    }
}
