import Crypto

/// Single-use recovery codes: ten per enrolment, each ten base32 characters (50 random bits) shown once
/// as `xxxxx-xxxxx`; the database keeps only their SHA-256. Case, spaces and hyphens do not matter when one
/// is typed back.
public enum RecoveryCode {
    /// How many an enrolment gives.
    public static let count = 10

    /// New codes, as shown to the person.
    public static func make() -> [String] {
        (0..<count).map { _ in
            let text = Base32.encode(SecretToken.bytes(7)).prefix(10).lowercased()
            return "\(text.prefix(5))-\(text.suffix(5))"
        }
    }

    /// The stored form of a code as typed, or nil when it cannot be one.
    public static func hash(_ typed: String) -> [UInt8]? {
        let text = typed.lowercased().filter { $0 != "-" && $0 != " " }
        guard text.count == 10, text.allSatisfy({ Base32.alphabet.contains(Character($0.uppercased())) }) else { return nil }
        return Array(SHA256.hash(data: Array(text.utf8)))
    }
}
