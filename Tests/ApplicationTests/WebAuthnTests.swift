import Application
import Foundation
import Testing
import TestSupport

/// The product's WebAuthn verification (registration and assertion, ES256 and RS256) against a software
/// authenticator made of PyPI's cryptography and cbor2 (Scripts/webauthn-reference): what it signs verifies,
/// and every change a relying party must catch is refused with the reason it is recorded under.
@Suite("WebAuthn verification against an independent authenticator")
struct WebAuthnTests {
    static let party = RelyingParty(id: "localhost", origins: ["http://localhost:8080"])
    static let registerChallenge = Array(repeating: UInt8(7), count: 32)
    static let signChallenge = Array((0..<32).map { UInt8($0) })

    struct Reference {
        let credentialID: [UInt8]
        let publicKey: [UInt8]
        let clientDataJSON: [UInt8]
        let attestationObject: [UInt8]
        let assertions: [[String: [UInt8]]]
    }

    /// A registration for `rpID` and `origin`, and one assertion per `(challenge, counter)`.
    static func reference(_ algorithm: String, rpID: String = "localhost", origin: String = "http://localhost:8080", assertions: [([UInt8], Int)])
        throws -> Reference
    {
        let script = Repository.root.appendingPathComponent("Scripts/webauthn-reference").path
        let arguments = [script, rpID, origin, algorithm, Base64URL.encode(registerChallenge)] + assertions.map { "\(Base64URL.encode($0.0)):\($0.1)" }
        let output = try Shell.run(arguments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        func bytes(_ object: [String: Any], _ key: String) throws -> [UInt8] { try #require((object[key] as? String).flatMap(Base64URL.decode)) }
        let registration = try #require(json["registration"] as? [String: Any])
        let signed = try #require(json["assertions"] as? [[String: Any]])
        return Reference(
            credentialID: try bytes(json, "credentialID"), publicKey: try bytes(json, "publicKey"),
            clientDataJSON: try bytes(registration, "clientDataJSON"), attestationObject: try bytes(registration, "attestationObject"),
            assertions: try signed.map { item in
                ["authenticatorData": try bytes(item, "authenticatorData"), "clientDataJSON": try bytes(item, "clientDataJSON"), "signature": try bytes(item, "signature")]
            })
    }

    static func assert(_ item: [String: [UInt8]], key: COSEPublicKey, stored: UInt32, challenge: [UInt8] = signChallenge, party: RelyingParty = party)
        throws(WebAuthnError) -> PasskeyAssertion
    {
        try PasskeyAssertion(
            clientDataJSON: item["clientDataJSON"]!, authenticatorData: item["authenticatorData"]!, signature: item["signature"]!, challenge: challenge,
            publicKey: key, storedSignCount: stored, relyingParty: party)
    }

    @Test("an ES256 and an RS256 registration with attestation none give the authenticator's credential id and key; its assertions verify", arguments: ["ES256", "RS256"])
    func registersAndAsserts(algorithm: String) throws {
        let reference = try Self.reference(algorithm, assertions: [(Self.signChallenge, 1), (Self.signChallenge, 2)])
        let registration = try PasskeyRegistration(
            clientDataJSON: reference.clientDataJSON, attestationObject: reference.attestationObject, challenge: Self.registerChallenge,
            relyingParty: Self.party)
        #expect(registration.credentialID == reference.credentialID)
        #expect(registration.publicKey.bytes == reference.publicKey)
        #expect(registration.publicKey.algorithm == (algorithm == "ES256" ? -7 : -257))
        #expect(registration.attestationFormat == "none")
        #expect(registration.signCount == 0)
        #expect(registration.userVerified)
        let stored = try COSEPublicKey(bytes: registration.publicKey.bytes)
        #expect(try Self.assert(reference.assertions[0], key: stored, stored: 0).signCount == 1)
        #expect(try Self.assert(reference.assertions[1], key: stored, stored: 1).signCount == 2)
    }

    @Test("an assertion whose counter does not increase is a replay: the same counter, or an older one")
    func refusesReplayedCounter() throws {
        let reference = try Self.reference("ES256", assertions: [(Self.signChallenge, 5)])
        let key = try COSEPublicKey(bytes: reference.publicKey)
        #expect(throws: WebAuthnError.replayedCounter(stored: 5, presented: 5)) { try Self.assert(reference.assertions[0], key: key, stored: 5) }
        #expect(throws: WebAuthnError.replayedCounter(stored: 9, presented: 5)) { try Self.assert(reference.assertions[0], key: key, stored: 9) }
        #expect(WebAuthnError.replayedCounter(stored: 9, presented: 5).reason == "replayed_counter")
        // An authenticator that keeps no counter (always 0) is taken while the stored counter is 0 too.
        let counterless = try Self.reference("ES256", assertions: [(Self.signChallenge, 0)])
        #expect(try Self.assert(counterless.assertions[0], key: try COSEPublicKey(bytes: counterless.publicKey), stored: 0).signCount == 0)
    }

    @Test("another challenge, origin, site, ceremony type, key or a changed byte is refused")
    func refusesMismatches() throws {
        let reference = try Self.reference("ES256", assertions: [(Self.signChallenge, 3)])
        let key = try COSEPublicKey(bytes: reference.publicKey)
        let item = reference.assertions[0]
        #expect(throws: WebAuthnError.mismatch("not the challenge the server gave")) {
            try Self.assert(item, key: key, stored: 0, challenge: Self.registerChallenge)
        }
        #expect(throws: WebAuthnError.mismatch("origin http://localhost:8080 is not the console's")) {
            try Self.assert(item, key: key, stored: 0, party: RelyingParty(id: "localhost", origins: ["https://localhost"]))
        }
        #expect(throws: WebAuthnError.mismatch("made for another site than rcm.example.com")) {
            try Self.assert(item, key: key, stored: 0, party: RelyingParty(id: "rcm.example.com", origins: ["http://localhost:8080"]))
        }
        var forged = item
        forged["signature"]![10] ^= 1
        #expect(throws: WebAuthnError.badSignature) { try Self.assert(forged, key: key, stored: 0) }
        var raised = item
        raised["authenticatorData"]![36] &+= 1  // the counter, changed after signing
        #expect(throws: WebAuthnError.badSignature) { try Self.assert(raised, key: key, stored: 0) }
        let otherKey = try COSEPublicKey(bytes: try Self.reference("ES256", assertions: []).publicKey)
        #expect(throws: WebAuthnError.badSignature) { try Self.assert(item, key: otherKey, stored: 0) }
        var registrationData = item
        registrationData["clientDataJSON"] = reference.clientDataJSON
        #expect(throws: WebAuthnError.mismatch("type webauthn.create, not webauthn.get")) {
            try Self.assert(registrationData, key: key, stored: 0, challenge: Self.registerChallenge)
        }
        #expect(throws: WebAuthnError.mismatch("type webauthn.get, not webauthn.create")) {
            try PasskeyRegistration(
                clientDataJSON: item["clientDataJSON"]!, attestationObject: reference.attestationObject, challenge: Self.signChallenge,
                relyingParty: Self.party)
        }
    }

    @Test("a registration for another site, with a stale challenge, or cut short is refused")
    func refusesBadRegistrations() throws {
        let elsewhere = try Self.reference("ES256", rpID: "evil.example", origin: "http://localhost:8080", assertions: [])
        #expect(throws: WebAuthnError.mismatch("made for another site than localhost")) {
            try PasskeyRegistration(
                clientDataJSON: elsewhere.clientDataJSON, attestationObject: elsewhere.attestationObject, challenge: Self.registerChallenge,
                relyingParty: Self.party)
        }
        #expect(throws: WebAuthnError.mismatch("not the challenge the server gave")) {
            try PasskeyRegistration(
                clientDataJSON: elsewhere.clientDataJSON, attestationObject: elsewhere.attestationObject, challenge: Self.signChallenge,
                relyingParty: Self.party)
        }
        for cut in [1, 40, elsewhere.attestationObject.count - 1] {
            #expect(throws: WebAuthnError.self) {
                try PasskeyRegistration(
                    clientDataJSON: elsewhere.clientDataJSON, attestationObject: Array(elsewhere.attestationObject.prefix(cut)),
                    challenge: Self.registerChallenge, relyingParty: RelyingParty(id: "evil.example", origins: ["http://localhost:8080"]))
            }
        }
        #expect(throws: WebAuthnError.malformed("clientDataJSON is not a JSON object")) {
            try PasskeyRegistration(
                clientDataJSON: Array("not json".utf8), attestationObject: elsewhere.attestationObject, challenge: Self.registerChallenge,
                relyingParty: Self.party)
        }
    }

    @Test("an RP id is a host name: localhost or a domain, never an IP address, a port or a URL")
    func relyingPartyIDs() {
        #expect(RelyingParty.isValidID("localhost"))
        #expect(RelyingParty.isValidID("rcm.example.com"))
        for bad in ["127.0.0.1", "localhost:8080", "http://localhost", "", "Rcm.Example.com", "a..b"] { #expect(!RelyingParty.isValidID(bad), "\(bad)") }
    }
}
