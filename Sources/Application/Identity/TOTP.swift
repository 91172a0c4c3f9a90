import Crypto

/// RFC 6238 time-based one-time passwords: HOTP (RFC 4226: HMAC over the 8-byte big-endian counter, dynamic
/// truncation, the low `digits` decimal digits) with the counter being the 30-second time step. The product's
/// factor is SHA-1 with 6 digits (what authenticator apps show); SHA-256, SHA-512 and 8 digits are here for the
/// RFC's test vectors. Pure: the caller gives the step (the database's clock at sign-in).
public struct TOTP: Sendable {
    /// The HMAC's hash function.
    public enum Algorithm: Sendable {
        case sha1, sha256, sha512
    }

    /// The seconds of one time step.
    public static let period: Int64 = 30

    let secret: [UInt8]
    let digits: Int
    let algorithm: Algorithm

    /// A generator over a secret (the product's: SHA-1, 6 digits).
    public init(secret: [UInt8], digits: Int = 6, algorithm: Algorithm = .sha1) {
        precondition((6...8).contains(digits), "a TOTP code has 6 to 8 digits")
        self.secret = secret
        self.digits = digits
        self.algorithm = algorithm
    }

    /// The time step of a Unix time in seconds.
    public static func step(unixTime seconds: Int64) -> Int64 { seconds / period }

    /// The code of a time step, zero-padded to `digits`.
    public func code(step: Int64) -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> (56 - 8 * UInt64($0))) }
        let mac = hmac(counter)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The newest step of `step - window … step + window` whose code is `code`, or nil. Every step of the
    /// window is computed and compared in constant time, so the answer's timing says nothing of which matched.
    public func matchingStep(_ code: String, around step: Int64, window: Int64 = 1) -> Int64? {
        let typed = Array(code.utf8)
        var matched: Int64?
        for candidate in (step - window)...(step + window) {
            if Self.sameBytes(Array(self.code(step: candidate).utf8), typed) { matched = candidate }
        }
        return matched
    }

    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private func hmac(_ message: [UInt8]) -> [UInt8] {
        let key = SymmetricKey(data: secret)
        switch algorithm {
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
    }
}
