import Foundation

/// An API key as a client presents it: `rcm_<key id>_<secret>`, the key id twelve lower-case letters or
/// digits, the secret a `SecretToken`. The key's role is `rcm_key_<key id>`.
public struct APIKey: Sendable, Equatable {
    /// The public part, shown in listings.
    public let keyID: String
    /// The secret, shown once at creation.
    public let secret: String

    /// The key's own database role.
    public var role: String { Self.role(of: keyID) }
    /// The whole key, as a client sends it.
    public var presented: String { "rcm_\(keyID)_\(secret)" }

    /// A new random key.
    public static func make() -> APIKey {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        let id = String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
        return APIKey(keyID: id, secret: SecretToken.make())
    }

    /// A key as presented, or nil when it is not shaped like one.
    public init?(presented: String) {
        let parts = presented.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "rcm", parts[1].count == 12, parts[2].count == 43,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
        else { return nil }
        self.init(keyID: String(parts[1]), secret: String(parts[2]))
    }

    init(keyID: String, secret: String) {
        self.keyID = keyID
        self.secret = secret
    }

    /// The role of a key id.
    public static func role(of keyID: String) -> String { "rcm_key_\(keyID)" }
}
