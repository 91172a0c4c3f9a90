import Crypto

/// SHA-256 in lower-case hex.
public enum SHA256Hex {
    /// The digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
