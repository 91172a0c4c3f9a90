import Foundation

extension IdentityEvent {
    /// Payload of `identity.signed_in`.
    public struct SignedIn: Codable, Sendable, Equatable {
        /// The person's login (the role the session acts as).
        public var login: String
        /// The session's id (not its token).
        public var sessionID: UUID
        /// How the person proved who they are: `password` (a second factor joins it later, #24).
        public var method: String

        /// A payload with every field.
        public init(login: String, sessionID: UUID, method: String) {
            self.login = login
            self.sessionID = sessionID
            self.method = method
        }
    }

    /// Payload of `identity.sign_in_failed`.
    public struct SignInFailed: Codable, Sendable, Equatable {
        /// The login tried, when it is a person's (never the text of an unknown one: it may be a mistyped password).
        public var login: String?
        /// Why: `unknown_login`, `wrong_password` (also a person not enabled for the server) or `locked`.
        public var reason: String

        /// A payload with every field.
        public init(login: String?, reason: String) {
            self.login = login
            self.reason = reason
        }
    }

    /// Payload of `identity.password_set`.
    public struct PasswordSet: Codable, Sendable, Equatable {
        /// Whose password.
        public var login: String

        /// A payload with every field.
        public init(login: String) { self.login = login }
    }

    /// Payload of `identity.api_key_created`.
    public struct APIKeyCreated: Codable, Sendable, Equatable {
        /// The key's public id (the first part of the key a client sends).
        public var keyID: String
        /// The key's own role.
        public var role: String
        /// What the key is for, in the owner's words.
        public var label: String
        /// The actions the key may take (`APIAction` names).
        public var actions: [String]
        /// The practices the key is assigned to.
        public var tenantIDs: [UUID]

        /// A payload with every field.
        public init(keyID: String, role: String, label: String, actions: [String], tenantIDs: [UUID]) {
            self.keyID = keyID
            self.role = role
            self.label = label
            self.actions = actions
            self.tenantIDs = tenantIDs
        }
    }

    /// Payload of `identity.api_key_revoked`.
    public struct APIKeyRevoked: Codable, Sendable, Equatable {
        /// The key's public id.
        public var keyID: String

        /// A payload with every field.
        public init(keyID: String) { self.keyID = keyID }
    }
}
