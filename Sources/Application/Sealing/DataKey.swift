import Crypto
import Foundation

/// A practice's data key: seals its PHI with AES-256-GCM and derives, with HKDF, the keys of its keyed
/// hashes (lookups by member id or name, the identity digest in the log). Destroying the key (offboarding)
/// makes every sealed record and every keyed hash of the practice meaningless at once, in backups too.
/// `@unchecked Sendable`: it holds only immutable `SymmetricKey`s, which swift-crypto does not mark `Sendable` on Linux.
public struct DataKey: @unchecked Sendable {
    /// The format byte that starts every sealed value (AES-256-GCM, 12-byte nonce, 16-byte tag).
    static let format: UInt8 = 1

    let key: SymmetricKey
    let indexKey: SymmetricKey
    let digestKey: SymmetricKey

    /// A data key (from the PHI store, unwrapped).
    public init(_ key: SymmetricKey) {
        self.key = key
        indexKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array("rcm lookup index v1".utf8), outputByteCount: 32)
        digestKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array("rcm identity digest v1".utf8), outputByteCount: 32)
    }

    /// A fresh random data key.
    public static func random() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// Seals `bytes`, bound to `context` (the table and record it belongs to, so a sealed value moved to
    /// another row does not open): format byte ‖ nonce ‖ ciphertext ‖ tag.
    public func seal(_ bytes: [UInt8], context: String) throws -> [UInt8] {
        let box = try AES.GCM.seal(bytes, using: key, authenticating: Array(context.utf8))
        return [Self.format] + [UInt8](box.combined!)
    }

    /// Opens what `seal` made for the same context.
    public func open(_ sealed: [UInt8], context: String) throws -> [UInt8] {
        guard sealed.first == Self.format, let box = try? AES.GCM.SealedBox(combined: sealed.dropFirst()),
            let bytes = try? AES.GCM.open(box, using: key, authenticating: Array(context.utf8))
        else { throw SealingError("a sealed record (\(context.split(separator: "|").first ?? "")) does not open under its tenant's data key: it was altered, or copied from another record") }
        return [UInt8](bytes)
    }

    /// The keyed hash a lookup compares (HMAC-SHA-256, 128 bits in hex): never the clear value.
    public func index(_ value: String) -> String {
        String(hex(HMAC<SHA256>.authenticationCode(for: Array(value.utf8), using: indexKey)).prefix(32))
    }

    /// The identity digest the log holds (HMAC-SHA-256 in hex over the record's salt and canonical text).
    public func digest(_ bytes: [UInt8]) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: bytes, using: digestKey))
    }

    /// Lower-case hex, by table (`String(format:)` per byte cost more than the HMAC itself).
    private func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(Self.digits[Int(byte >> 4)])
            out.append(Self.digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
