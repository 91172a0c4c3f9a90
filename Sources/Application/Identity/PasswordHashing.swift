import Crypto
import Foundation
import _CryptoExtras

/// The server's password hashing: scrypt (RFC 7914) with a random salt and its parameters stored beside the
/// verifier. The database has no scrypt, so the product computes the proof (the scrypt output) and the
/// database keeps and compares only its SHA-256: a stolen row is not a credential.
public struct PasswordHashing: Sendable, Equatable {
    /// scrypt's cost N (a power of two), block size r and parallelism p.
    public var cost: Int
    public var blockSize: Int
    public var parallelism: Int

    /// The parameters new passwords get: N = 2^14, r = 8, p = 1 (16 MiB, tens of milliseconds here).
    public static let standard = PasswordHashing(cost: 16_384, blockSize: 8, parallelism: 1)

    /// Parameters as stored.
    public init(cost: Int, blockSize: Int, parallelism: Int) {
        self.cost = cost
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Bytes of salt for a new password.
    public static let saltBytes = 16

    /// The proof of a password: scrypt's 32-byte output.
    public func proof(_ password: String, salt: [UInt8]) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: cost, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// What the database stores of a proof.
    public static func verifier(of proof: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: proof)) }
}
