import EventStore
import Foundation
import Postgres
import Schema

/// Sign-in, sessions and API keys for the server (decision 0006; Schema/V0009__server_credentials.sql).
/// Sign-in and the lookups run as the server's login itself; passwords and keys are owners' administration.
extension RevenueCycle {
    /// Sets a person's server password (an owner's administration): enables the login for the server,
    /// stores a new salted scrypt verifier and ends the person's sessions. Twelve to 1,024 characters.
    public func setPassword(login: String, password: String) async throws {
        guard (12...1024).contains(password.count) else {
            throw CommandRejected("a password is 12 to 1,024 characters (this one has \(password.count))")
        }
        let salt = SecretToken.bytes(PasswordHashing.saltBytes)
        let hashing = PasswordHashing.standard
        let verifier = PasswordHashing.verifier(of: try hashing.proof(password, salt: salt))
        try await postgres.withTransaction { session in
            try session.query(PostgresIdentity.enableSQL, [login])
            try session.query(
                PostgresIdentity.setPasswordSQL,
                [login, hashing.cost, hashing.blockSize, hashing.parallelism, salt, verifier, UUID()])
        }
    }

    /// Signs a person in with a password: the answer is a session (token shown once) or a refusal. A
    /// refusal is recorded (`identity.sign_in_failed`) and, past four in a row, locks the login for a while.
    public func signIn(login: String, password: String, policy: SessionPolicy = .standard) async throws -> SignInOutcome {
        let backend = try postgres
        let (salt, hashing) = try await backend.withTransaction { try PostgresIdentity.parameters(login: login, in: $0) }
        let proof = try hashing.proof(password, salt: salt)
        let token = SecretToken.make()
        let sessionID = UUID()
        let started = Date()
        let row = try await backend.withTransaction { session in
            try session.query(
                PostgresIdentity.signInSQL,
                [
                    login, proof, SecretToken.hash(token), sessionID, UUID(), PostgresIdentity.interval(policy.lifetime),
                    PostgresIdentity.interval(policy.idleTimeout),
                ]
            ).first!
        }
        let expires = started.addingTimeInterval(TimeInterval(policy.lifetime.components.seconds))
        let pendingExpires = started.addingTimeInterval(TimeInterval(min(300, policy.lifetime.components.seconds)))
        switch try row.decode("outcome", as: String.self) {
        case "signed_in":
            return .signedIn(SignedInSession(token: token, sessionID: sessionID, role: try row.decode("role"), expiresAt: expires))
        case "second_factor":
            return .secondFactorRequired(SignedInSession(token: token, sessionID: sessionID, role: try row.decode("role"), expiresAt: pendingExpires))
        case "enrol":
            return .enrolmentRequired(SignedInSession(token: token, sessionID: sessionID, role: try row.decode("role"), expiresAt: pendingExpires))
        case "locked": return .locked(retryAfter: try row.decodeIfPresent("retry_after") ?? 1)
        default: return .refused
        }
    }

    /// Who a session token acts as, when the session is live; touches it (the idle timeout restarts).
    public func principal(sessionToken token: String) async throws -> Principal? {
        let rows = try await postgres.withTransaction { try $0.query(PostgresIdentity.sessionRoleSQL, [SecretToken.hash(token)]) }
        guard let row = rows.first else { return nil }
        return Principal(role: try row.decode("role"), actions: Set(APIAction.allCases), sessionID: try row.decode("session_id"))
    }

    /// Who an API key acts as, with its actions, when it is live and its secret matches.
    public func principal(apiKey presented: String) async throws -> Principal? {
        guard let key = APIKey(presented: presented) else { return nil }
        let rows = try await postgres.withTransaction { try $0.query(PostgresIdentity.keyRoleSQL, [key.keyID, SecretToken.hash(key.secret)]) }
        guard let row = rows.first else { return nil }
        let actions = try row.decode("actions", as: String.self).split(separator: ",").compactMap { APIAction(rawValue: String($0)) }
        return Principal(role: try row.decode("role"), actions: Set(actions), sessionID: nil)
    }

    /// Ends a session; true when a live one ended.
    public func signOut(sessionToken token: String) async throws -> Bool {
        try await postgres.withTransaction { try $0.query(PostgresIdentity.signOutSQL, [SecretToken.hash(token)]).first!.decode("ended") }
    }

    /// Creates an API key (an owner's administration): its own role, assigned to the practices, limited to
    /// the actions. Returns the key; its secret is not kept and cannot be shown again.
    public func createAPIKey(label: String, tenants names: [String], actions: [APIAction]) async throws -> APIKey {
        guard (1...200).contains(label.count) else { throw CommandRejected("a key's label is 1 to 200 characters") }
        guard !names.isEmpty else { throw CommandRejected("a key needs at least one practice (--tenant)") }
        guard !actions.isEmpty else { throw CommandRejected("a key needs at least one action (--actions)") }
        let key = APIKey.make()
        let tenants = try await administration { tx, _, _ in try names.map { try Self.resolve($0, in: tx) } }
        if let company = tenants.first(where: { $0.kind != .practice }) {
            throw CommandRejected("\(company.slug) is not a practice; a key is assigned to practices")
        }
        try await postgres.withTransaction { session in
            try session.query(PostgresIdentity.createKeyRoleSQL, [key.role])
            try session.query(
                PostgresIdentity.createKeySQL,
                [
                    key.keyID, key.role, SecretToken.hash(key.secret), label, SQLParameter.textArray(actions.map(\.rawValue)),
                    SQLParameter.textArray(tenants.map(\.id.description)), UUID(),
                ])
        }
        for tenant in tenants { try await assignStaff(login: key.role, to: tenant.id.description) }
        return key
    }

    /// Every API key, newest last (never a secret).
    public func apiKeys() async throws -> [APIKeySummary] {
        try await postgres.withTransaction { session in
            try session.query(PostgresIdentity.listKeysSQL).rows.map { row in
                APIKeySummary(
                    keyID: try row.decode("key_id"), role: try row.decode("role"), label: try row.decode("label"),
                    actions: try row.decode("actions", as: String.self).split(separator: ",").map(String.init),
                    createdBy: try row.decode("created_by"), createdAt: try row.decode("created_at"),
                    revokedAt: try row.decodeIfPresent("revoked_at"))
            }
        }
    }

    /// Revokes an API key and takes its role from the server; false when no live key has that id.
    public func revokeAPIKey(_ keyID: String) async throws -> Bool {
        try await postgres.withTransaction { session in
            guard let role: String = try session.query(PostgresIdentity.revokeKeySQL, [keyID, UUID()]).first?.decodeIfPresent("role") else {
                return false
            }
            try session.query(PostgresIdentity.dropKeyRoleSQL, [role])
            return true
        }
    }

    /// The same core acting as `role` in every transaction (the server, for a signed-in person or key).
    public func acting(as role: String) throws -> RevenueCycle {
        RevenueCycle(backend: try postgres.acting(as: role), notes: notes)
    }

    /// A core over a pool of at most `connections` connections (the server's), to the database the
    /// environment names and its key ring (as `connect(environment:)`), acting as nobody until `acting(as:)`.
    public static func pooled(
        environment: [String: String] = ProcessInfo.processInfo.environment, connections: Int = 8,
        notes: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> RevenueCycle {
        let keys = try KeyRing.load(environment: environment)
        let pool = ConnectionPool(settings: DatabaseLocator.settings(environment: environment), maximum: connections)
        return RevenueCycle(backend: PostgresBackend.pooled(pool, actingRole: nil, wrapping: keys), notes: notes)
    }
}

extension RevenueCycle {
    static let schemaVersionSQL = SQL("schema_version", "SELECT rcm.schema_version() AS version")

    /// Whether the database answers and has exactly the migrations this binary embeds (the server's `/ready`).
    /// Nil when ready, else what is wrong, without data.
    public func unreadiness() async -> String? {
        do {
            let version: Int = try await postgres.withTransaction { try $0.query(Self.schemaVersionSQL).first!.decode("version") }
            let expected = Migration.all.last?.version ?? 0
            return version == expected ? nil : "the database is at migration \(version), this binary needs \(expected) (rcm migrate)"
        } catch {
            return "the database does not answer"
        }
    }
}
