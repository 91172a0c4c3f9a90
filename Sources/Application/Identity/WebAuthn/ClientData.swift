import Foundation

/// The client data a browser signs over (WebAuthn Level 2 §5.8.1): the ceremony's type, the challenge
/// (base64url), the origin of the page, and whether it ran in a cross-origin frame.
public struct ClientData: Sendable {
    public let type: String
    public let challenge: [UInt8]
    public let origin: String
    public let crossOrigin: Bool

    public init(json bytes: [UInt8]) throws(WebAuthnError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { throw WebAuthnError.malformed("clientDataJSON is not a JSON object") }
        guard let type = object["type"] as? String, let origin = object["origin"] as? String, let text = object["challenge"] as? String,
            let challenge = Base64URL.decode(text)
        else { throw WebAuthnError.malformed("clientDataJSON lacks its type, origin or challenge") }
        self.type = type
        self.origin = origin
        self.challenge = challenge
        self.crossOrigin = object["crossOrigin"] as? Bool ?? false
    }

    /// Refuses data of another ceremony, page or challenge.
    func check(type wanted: String, challenge expected: [UInt8], relyingParty: RelyingParty) throws(WebAuthnError) {
        guard type == wanted else { throw WebAuthnError.mismatch("type \(type), not \(wanted)") }
        guard relyingParty.origins.contains(origin) else { throw WebAuthnError.mismatch("origin \(origin) is not the console's") }
        guard !crossOrigin else { throw WebAuthnError.mismatch("made in a cross-origin frame") }
        guard challenge.count == expected.count, zip(challenge, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw WebAuthnError.mismatch("not the challenge the server gave")
        }
    }
}
