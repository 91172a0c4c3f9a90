import Application
import EventStore
import Foundation
import Testing

@Suite("Key-encryption keys and data keys")
struct KeyRingTests {
    static let tenant = TenantID(UUID(uuidString: "7d9f3c1e-5b2a-4c8e-9f10-2a3b4c5d6e7f")!)

    @Test("a key file's first key wraps, every key unwraps, and the wrapped key carries the id of the key that wrapped it")
    func wrapAndUnwrap() throws {
        let old = KeyEncryptionKey.random(), new = KeyEncryptionKey.random()
        let ring = try KeyRing.parse("# comment\n\n\(new.fileLine)\n\(old.fileLine)\n", source: "test")
        #expect(ring.currentKeyID == new.id && ring.keys.count == 2)
        let dataKey = DataKey.random()
        let wrapped = try ring.wrap(dataKey, tenant: Self.tenant)
        #expect(wrapped.keyID == new.id)
        let back = try ring.unwrap(wrapped.wrapped, keyID: wrapped.keyID, tenant: Self.tenant)
        let sealed = try DataKey(dataKey).seal(Array("Quaxworth".utf8), context: "t|1")
        #expect(try DataKey(back).open(sealed, context: "t|1") == Array("Quaxworth".utf8))
    }

    @Test("a truncated, malformed, empty or wrong key is refused with a sentence that names the file and line, never a key")
    func refusals() throws {
        let key = KeyEncryptionKey.random()
        let truncated = String(key.fileLine.prefix(30))
        #expect(throws: SealingError.self) { try KeyRing.parse(truncated, source: "kek.txt") }
        do {
            _ = try KeyRing.parse("rcm-kek-v1 AAAA\n", source: "kek.txt")
            Issue.record("a 3-byte key was accepted")
        } catch let error as SealingError {
            #expect(error.description.contains("kek.txt, line 1") && error.description.contains("32 bytes"))
        }
        #expect(throws: SealingError.self) { try KeyRing.parse("# nothing\n", source: "kek.txt") }
        let other = try KeyRing.parse(KeyEncryptionKey.random().fileLine, source: "other")
        let wrapped = try KeyRing.parse(key.fileLine, source: "kek.txt").wrap(DataKey.random(), tenant: Self.tenant)
        do {
            _ = try other.unwrap(wrapped.wrapped, keyID: wrapped.keyID, tenant: Self.tenant)
            Issue.record("a wrong key unwrapped")
        } catch let error as SealingError {
            #expect(error.description.contains(key.id) && !error.description.contains(key.fileLine.dropFirst(11)))
        }
    }

    @Test("a sealed value opens only in its own context and under its own key; lookups are keyed hashes that differ between practices")
    func sealingBindsContextAndKey() throws {
        let a = DataKey(DataKey.random()), b = DataKey(DataKey.random())
        let sealed = try a.seal(Array("WQX99887766".utf8), context: "patient_identities|t|pk-1")
        #expect(!String(decoding: sealed, as: UTF8.self).contains("WQX99887766"))
        #expect(throws: SealingError.self) { try a.open(sealed, context: "patient_identities|t|pk-2") }
        #expect(throws: SealingError.self) { try b.open(sealed, context: "patient_identities|t|pk-1") }
        #expect(a.index("member|WQX99887766") == a.index("member|WQX99887766"))
        #expect(a.index("member|WQX99887766") != b.index("member|WQX99887766"))
        #expect(a.index("member|WQX99887766").count == 32 && a.digest([1, 2, 3]).count == 64)
    }

    @Test("RCM_KEK is read before RCM_KEK_FILE; a configured file that is missing stops the product with a sentence")
    func loading() throws {
        let key = KeyEncryptionKey.random()
        let inline = try KeyRing.load(environment: ["RCM_KEK": String(key.fileLine.dropFirst(11)), "RCM_KEK_FILE": "/nonexistent"], directory: "/")
        #expect(inline?.currentKeyID == key.id)
        do {
            _ = try KeyRing.load(environment: ["RCM_KEK_FILE": "/nonexistent/kek"], directory: "/")
            Issue.record("a missing key file was accepted")
        } catch let error as SealingError {
            #expect(error.description.contains("rcm will not start") && error.description.contains("/nonexistent/kek"))
        }
        #expect(try KeyRing.load(environment: [:], directory: "/") == nil)
    }
}
