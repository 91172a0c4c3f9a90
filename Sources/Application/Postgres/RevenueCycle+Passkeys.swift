import Foundation
import Postgres

/// WebAuthn passkeys (decision 0016; Schema/V0018__passkeys.sql): the server verifies registrations and
/// assertions in Swift (`PasskeyRegistration`, `PasskeyAssertion`); the database keeps the single-use
/// challenges, the keys and counters, and completes the session. Every refusal of a sign-in is counted
/// towards the lock and recorded (`identity.second_factor_failed`, factor `passkey`).
extension RevenueCycle {
    /// What adding a passkey gave.
    public enum PasskeyAddition: Sendable, Equatable {
        case added
        /// The authenticator's credential is registered already.
        case duplicate
        /// Refused: the sentence says why.
        case refused(String)
    }

    /// Starts a registration for the person of a complete session; nil when the session may not.
    public func beginPasskeyRegistration(sessionToken token: String) async throws -> PasskeyCeremony? {
        try await beginPasskeyCeremony(token, purpose: "register")
    }

    /// Starts a passkey sign-in for a session waiting for its second factor; nil when the session is not.
    public func beginPasskeySignIn(sessionToken token: String) async throws -> PasskeyCeremony? {
        try await beginPasskeyCeremony(token, purpose: "sign_in")
    }

    private func beginPasskeyCeremony(_ token: String, purpose: String) async throws -> PasskeyCeremony? {
        let challenge = SecretToken.bytes(32)
        let row = try await postgres.withTransaction { try $0.query(PostgresPasskeys.beginSQL, [SecretToken.hash(token), purpose, challenge]).first }
        guard let row, let login: String = try row.decodeIfPresent("login") else { return nil }
        let ids: String = try row.decodeIfPresent("ids") ?? ""
        return PasskeyCeremony(login: login, challenge: challenge, credentialIDs: ids.split(separator: ",").compactMap { Hex.bytes(String($0)) })
    }

    /// Takes the session's challenge (once), verifies the registration against it and adds the passkey
    /// (`identity.factor_enrolled`, factor `passkey`).
    public func addPasskey(
        sessionToken token: String, clientDataJSON: [UInt8], attestationObject: [UInt8], relyingParty: RelyingParty
    ) async throws -> PasskeyAddition {
        guard let challenge = try await takeChallenge(token, purpose: "register") else {
            return .refused("the registration expired or was already used; add the passkey again")
        }
        let registration: PasskeyRegistration
        do throws(WebAuthnError) {
            registration = try PasskeyRegistration(
                clientDataJSON: clientDataJSON, attestationObject: attestationObject, challenge: challenge, relyingParty: relyingParty)
        } catch { return .refused(error.description) }
        let parameters: [any SQLBindable] = [
            SecretToken.hash(token), registration.credentialID, registration.publicKey.bytes, registration.publicKey.algorithm,
            Int64(registration.signCount), registration.attestationFormat, registration.userVerified, UUID(),
        ]
        let outcome: String = try await postgres.withTransaction { try $0.query(PostgresPasskeys.addSQL, parameters).first!.decode("outcome") }
        switch outcome {
        case "added": return .added
        case "duplicate": return .duplicate
        default: return .refused("this session may not add a passkey; sign in again")
        }
    }

    /// Proves a passkey for a session waiting for its second factor: takes the session's challenge (once),
    /// verifies the assertion with the stored key and counter, and completes the session; or refuses, counted
    /// and recorded. The sentence says why a refusal was made (for the person's page).
    public func provePasskey(
        sessionToken token: String, credentialID: [UInt8], clientDataJSON: [UInt8], authenticatorData: [UInt8], signature: [UInt8],
        relyingParty: RelyingParty
    ) async throws -> (SignInOutcome, String?) {
        var failure: (reason: String, sentence: String)?
        var signCount: Int64 = 0
        if let challenge = try await takeChallenge(token, purpose: "sign_in") {
            let stored = try await postgres.withTransaction { try $0.query(PostgresPasskeys.keySQL, [SecretToken.hash(token), credentialID]).first }
            if let stored, let key: Data = try stored.decodeIfPresent("public_key") {
                let storedCount = UInt32(clamping: try stored.decode("sign_count", as: Int64.self))
                do throws(WebAuthnError) {
                    let assertion = try PasskeyAssertion(
                        clientDataJSON: clientDataJSON, authenticatorData: authenticatorData, signature: signature, challenge: challenge,
                        publicKey: try COSEPublicKey(bytes: Array(key)), storedSignCount: storedCount, relyingParty: relyingParty)
                    signCount = Int64(assertion.signCount)
                } catch { failure = (error.reason, error.description) }
            } else {
                failure = ("unknown_credential", "this passkey is not one of yours")
            }
        } else {
            failure = ("replayed_challenge", "the passkey's answer is stale or was used already; try again")
        }
        let parameters: [any SQLBindable] = [SecretToken.hash(token), credentialID, signCount, failure?.reason, UUID()]
        let row = try await postgres.withTransaction { try $0.query(PostgresPasskeys.proveSQL, parameters).first! }
        let outcome = try Self.outcome(row, token: token)
        if case .refused = outcome, failure == nil {
            return (outcome, "the passkey's counter did not increase: a replayed answer or a copied authenticator")
        }
        return (outcome, failure?.sentence)
    }

    /// The passkeys of a session's person, newest first.
    public func passkeys(sessionToken token: String) async throws -> [PasskeySummary] {
        try await postgres.withTransaction { session in
            try session.query(PostgresPasskeys.listSQL, [SecretToken.hash(token)]).rows.map { row in
                PasskeySummary(
                    credentialID: Array(try row.decode("credential_id", as: Data.self)), algorithm: try row.decode("algorithm"),
                    attestationFormat: try row.decode("attestation_format"), userVerified: try row.decode("user_verified"),
                    createdAt: try row.decode("created_at"), lastUsedAt: try row.decodeIfPresent("last_used_at"))
            }
        }
    }

    /// Removes one of the person's passkeys (`identity.factor_removed`); false when it is not theirs.
    public func removePasskey(sessionToken token: String, credentialID: [UInt8]) async throws -> Bool {
        try await postgres.withTransaction { try $0.query(PostgresPasskeys.removeSQL, [SecretToken.hash(token), credentialID, UUID()]).first!.decode("removed") }
    }

    private func takeChallenge(_ token: String, purpose: String) async throws -> [UInt8]? {
        let data: Data? = try await postgres.withTransaction {
            try $0.query(PostgresPasskeys.takeChallengeSQL, [SecretToken.hash(token), purpose]).first?.decodeIfPresent("challenge")
        }
        return data.map(Array.init)
    }
}
