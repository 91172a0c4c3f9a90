import Foundation

extension IdentityEvent {
    /// Payload of `identity.second_factor_failed`.
    public struct SecondFactorFailed: Codable, Sendable, Equatable {
        /// The person whose password was proved.
        public var login: String
        /// `totp`, `recovery_code` or `passkey`.
        public var factor: String
        /// `wrong_code` (also an expired one), `reused_code` (a TOTP step already used), `used_code` (a recovery
        /// code used before), `locked`; for a passkey `replayed_challenge`, `replayed_counter`, `wrong_signature`,
        /// `unknown_credential`, `mismatch`, `malformed` or `unsupported`.
        public var reason: String

        /// A payload with every field.
        public init(login: String, factor: String, reason: String) {
            self.login = login
            self.factor = factor
            self.reason = reason
        }
    }

    /// Payload of `identity.factor_enrolled` and `identity.factor_removed`.
    public struct FactorEnrolled: Codable, Sendable, Equatable {
        /// Whose factor.
        public var login: String
        /// `totp` (with ten new recovery codes) or `passkey`.
        public var factor: String

        /// A payload with every field.
        public init(login: String, factor: String) {
            self.login = login
            self.factor = factor
        }
    }

    /// Payload of `identity.factors_reset`.
    public struct FactorsReset: Codable, Sendable, Equatable {
        /// Whose factors were removed.
        public var login: String

        /// A payload with every field.
        public init(login: String) { self.login = login }
    }

    /// Payload of `identity.second_factor_policy_set`.
    public struct SecondFactorPolicySet: Codable, Sendable, Equatable {
        /// `phi_readers`, `everyone` or `nobody`.
        public var requiredFor: String

        /// A payload with every field.
        public init(requiredFor: String) { self.requiredFor = requiredFor }
    }

    /// Payload of `identity.access_revoked`.
    public struct AccessRevoked: Codable, Sendable, Equatable {
        /// Whose server access.
        public var login: String
        /// How many live sessions ended.
        public var sessionsEnded: Int

        /// A payload with every field.
        public init(login: String, sessionsEnded: Int) {
            self.login = login
            self.sessionsEnded = sessionsEnded
        }
    }

    /// Payload of `identity.session_policy_set`.
    public struct SessionPolicySet: Codable, Sendable, Equatable {
        /// How long a signed-in session may sit unused, in seconds (1 to 86,400).
        public var idleSeconds: Int

        /// A payload with every field.
        public init(idleSeconds: Int) { self.idleSeconds = idleSeconds }
    }
}
