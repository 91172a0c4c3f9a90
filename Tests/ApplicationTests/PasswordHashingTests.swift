import Application
import Testing

@Suite("Server credentials: scrypt proofs, tokens and API keys")
struct PasswordHashingTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    @Test("the proof is scrypt: RFC 7914's test vector (password, NaCl, N=1024, r=8, p=16), first 32 bytes")
    func rfcVector() throws {
        let proof = try PasswordHashing(cost: 1024, blockSize: 8, parallelism: 16).proof("password", salt: Array("NaCl".utf8))
        #expect(hex(proof) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162")
    }

    @Test("a different salt or password gives a different verifier; the verifier is SHA-256 of the proof")
    func saltsMatter() throws {
        let hashing = PasswordHashing(cost: 1024, blockSize: 8, parallelism: 1)
        let a = try hashing.proof("correct horse battery", salt: [UInt8](repeating: 1, count: 16))
        let b = try hashing.proof("correct horse battery", salt: [UInt8](repeating: 2, count: 16))
        let c = try hashing.proof("correct horse batterz", salt: [UInt8](repeating: 1, count: 16))
        #expect(a != b && a != c && a.count == 32)
        #expect(PasswordHashing.verifier(of: a) != a && PasswordHashing.verifier(of: a).count == 32)
    }

    @Test("tokens are 43 base64url characters and differ; an API key round-trips through its presented form")
    func tokensAndKeys() {
        let one = SecretToken.make(), two = SecretToken.make()
        #expect(one.count == 43 && one != two && one.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let key = APIKey.make()
        #expect(APIKey(presented: key.presented) == key)
        #expect(key.role == "rcm_key_\(key.keyID)")
        #expect(APIKey(presented: "rcm_short_x") == nil && APIKey(presented: "bearer-token") == nil)
    }
}
