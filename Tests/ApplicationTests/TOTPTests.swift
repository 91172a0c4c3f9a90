import Application
import EventStore
import Foundation
import Testing

/// The product's RFC 6238 computation (the server checks codes in Swift since V0019) against the RFCs' published
/// vectors, and the sealing of the secret under the company's data key; pure, no database.
@Suite("TOTP: RFC 6238's vectors and the sealed secret")
struct TOTPTests {
    /// RFC 6238 Appendix B's seeds: the ASCII digits repeated to the hash's length.
    static let sha1Seed = Array("12345678901234567890".utf8)
    static let sha256Seed = Array("12345678901234567890123456789012".utf8)
    static let sha512Seed = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    /// RFC 6238 Appendix B: Unix time → (SHA-1, SHA-256, SHA-512) codes, 8 digits, 30-second steps.
    static let vectors: [(time: Int64, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test("every vector of RFC 6238 Appendix B: SHA-1, SHA-256 and SHA-512, 8 digits (T = 59 → 94287082 …)")
    func rfc6238Vectors() {
        let sha1 = TOTP(secret: Self.sha1Seed, digits: 8, algorithm: .sha1)
        let sha256 = TOTP(secret: Self.sha256Seed, digits: 8, algorithm: .sha256)
        let sha512 = TOTP(secret: Self.sha512Seed, digits: 8, algorithm: .sha512)
        for vector in Self.vectors {
            let step = TOTP.step(unixTime: vector.time)
            #expect(sha1.code(step: step) == vector.sha1, "SHA-1 at T = \(vector.time)")
            #expect(sha256.code(step: step) == vector.sha256, "SHA-256 at T = \(vector.time)")
            #expect(sha512.code(step: step) == vector.sha512, "SHA-512 at T = \(vector.time)")
        }
    }

    @Test("the product's factor (SHA-1, 6 digits) gives RFC 4226 Appendix D's HOTP values for counters 0 to 9, and the last six digits of RFC 6238's")
    func sixDigitCodes() {
        let totp = TOTP(secret: Self.sha1Seed)
        let hotp = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { totp.code(step: Int64($0)) } == hotp)
        for vector in Self.vectors {
            #expect(totp.code(step: TOTP.step(unixTime: vector.time)) == String(vector.sha1.suffix(6)))
        }
    }

    @Test("a code matches the newest step of the window around now (one step either side), and nothing outside it")
    func window() {
        let totp = TOTP(secret: Self.sha1Seed)
        let now: Int64 = 58_000_000
        #expect(totp.matchingStep(totp.code(step: now), around: now) == now)
        #expect(totp.matchingStep(totp.code(step: now - 1), around: now) == now - 1)
        #expect(totp.matchingStep(totp.code(step: now + 1), around: now) == now + 1)
        #expect(totp.matchingStep(totp.code(step: now - 2), around: now) == nil)
        #expect(totp.matchingStep(totp.code(step: now + 2), around: now) == nil)
        #expect(totp.matchingStep("12345", around: now) == nil)
        #expect(totp.matchingStep("", around: now) == nil)
        let other = TOTP(secret: Array(Self.sha1Seed.reversed()))
        #expect(other.matchingStep(totp.code(step: now), around: now) == nil)
    }

    static let companyA = TenantID(UUID(uuidString: "0c6f1a4e-8d2b-4f7a-9e3c-5b1d2a3c4e5f")!)
    static let companyB = TenantID(UUID(uuidString: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")!)

    @Test("a secret sealed under one company's data key opens only under that key, for that company and that login: not under another tenant's key, another company, or another person")
    func sealedSecretIsBound() throws {
        let secret = (0..<20).map { UInt8($0 * 7 + 3) }
        let keyA = DataKey(DataKey.random()), keyB = DataKey(DataKey.random())
        let sealed = try TOTPSecretSeal.seal(secret, login: "ana", company: Self.companyA, key: keyA)
        #expect(sealed.count == 49, "format byte, nonce, 20 bytes, tag (the column's CHECK)")
        #expect(!Self.contains(sealed, secret))
        #expect(try TOTPSecretSeal.open(sealed, login: "ana", company: Self.companyA, key: keyA) == secret)
        #expect(throws: SealingError.self) { try TOTPSecretSeal.open(sealed, login: "ana", company: Self.companyA, key: keyB) }
        #expect(throws: SealingError.self) { try TOTPSecretSeal.open(sealed, login: "ana", company: Self.companyB, key: keyA) }
        #expect(throws: SealingError.self) { try TOTPSecretSeal.open(sealed, login: "bob", company: Self.companyA, key: keyA) }
        do {
            _ = try TOTPSecretSeal.open(sealed, login: "ana", company: Self.companyA, key: keyB)
        } catch let error as SealingError {
            #expect(!error.description.contains("ana") && error.description.contains("rcm_auth.totp_factors"), "\(error)")
        }
        #expect(try TOTPSecretSeal.seal(secret, login: "ana", company: Self.companyA, key: keyA) != sealed, "a fresh nonce each time")
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
