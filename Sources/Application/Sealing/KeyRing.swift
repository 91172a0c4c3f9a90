import Crypto
import EventStore
import Foundation

/// The operator's key-encryption keys: the first wraps new and re-wrapped data keys, every one unwraps.
///
/// Rotation while the product runs: put the new key first in the key file (the old one stays below it),
/// run `rcm admin keys rotate` (every data key is re-wrapped under the first key), then drop the old line.
/// A process that still holds the old file keeps working throughout, since both keys open every data key.
public struct KeyRing: DataKeyWrapping {
    /// The tag that starts every key line of a key file.
    static let lineTag = "rcm-kek-v1"

    /// The keys, the current one first.
    public let keys: [KeyEncryptionKey]
    /// Where they came from, for sentences (a path, or the variable's name).
    public let source: String

    /// A ring of at least one key.
    public init(keys: [KeyEncryptionKey], source: String) throws {
        guard !keys.isEmpty else { throw SealingError("\(source) holds no key-encryption key (a line `\(Self.lineTag) <base64 of 32 bytes>`)") }
        self.keys = keys
        self.source = source
    }

    public var currentKeyID: String { keys[0].id }

    static func context(_ tenant: TenantID) -> [UInt8] { Array("rcm data key|\(tenant)".utf8) }

    public func wrap(_ dataKey: SymmetricKey, tenant: TenantID) throws -> (wrapped: [UInt8], keyID: String) {
        (try keys[0].wrap(dataKey, context: Self.context(tenant)), keys[0].id)
    }

    public func unwrap(_ wrapped: [UInt8], keyID: String, tenant: TenantID) throws -> SymmetricKey {
        guard let key = keys.first(where: { $0.id == keyID }) else {
            throw SealingError(
                "the key-encryption key in \(source) is not the one this practice's data key was wrapped under (\(keyID); \(source) holds "
                    + "\(keys.map(\.id).joined(separator: ", "))): point RCM_KEK_FILE at the key file this database was sealed with")
        }
        guard let dataKey = key.unwrap(wrapped, context: Self.context(tenant)) else {
            throw SealingError("the data key of practice \(tenant) does not open under \(keyID): the wrapped key was altered, or the key file is damaged")
        }
        return dataKey
    }
}
