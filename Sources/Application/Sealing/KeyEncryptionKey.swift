import Crypto
import Foundation

/// One key-encryption key (KEK) the operator supplies: 32 bytes that wrap the practices' data keys and are
/// never stored in the database. Its id (a hash of the key, not the key) is stored beside each wrapped key,
/// so a wrong key is named as such instead of failing as damaged data.
/// `@unchecked Sendable`: it holds an immutable `SymmetricKey`, which swift-crypto does not mark `Sendable` on Linux.
public struct KeyEncryptionKey: @unchecked Sendable {
    /// The key.
    let key: SymmetricKey
    /// `kek-` and the first 16 hex digits of SHA-256 over a label and the key.
    public let id: String

    /// A key from its 32 bytes.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else {
            throw SealingError("a key-encryption key is 32 bytes; this one has \(bytes.count) (truncated or not a key)")
        }
        key = SymmetricKey(data: bytes)
        id = "kek-" + SHA256Hex.of(Array("rcm key-encryption key id|".utf8) + bytes).prefix(16)
    }

    /// A fresh random key (`rcm admin keys generate`).
    public static func random() -> KeyEncryptionKey {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { [UInt8]($0) }
        return try! KeyEncryptionKey(bytes: bytes)
    }

    /// The key as a key file's line: `rcm-kek-v1 <base64>`.
    public var fileLine: String {
        "\(KeyRing.lineTag) " + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Wraps a data key (AES-256-GCM, bound to the tenant it belongs to).
    func wrap(_ dataKey: SymmetricKey, context: [UInt8]) throws -> [UInt8] {
        let sealed = try AES.GCM.seal(dataKey.withUnsafeBytes { Data($0) }, using: key, authenticating: context)
        return [UInt8](sealed.combined!)
    }

    /// Unwraps a data key; nil when this key did not wrap it (or the bytes were altered).
    func unwrap(_ wrapped: [UInt8], context: [UInt8]) -> SymmetricKey? {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped), let bytes = try? AES.GCM.open(box, using: key, authenticating: context)
        else { return nil }
        return SymmetricKey(data: bytes)
    }
}
