import Foundation

/// What a sign-in gave.
public enum SignInOutcome: Sendable, Equatable {
    /// Signed in: the session's token (shown once: a cookie or bearer token), the role to act as.
    case signedIn(SignedInSession)
    /// The password was right; the session waits for a second factor (`proveSecondFactor`). Its token works
    /// only for that, for five minutes.
    case secondFactorRequired(SignedInSession)
    /// The password was right, but the company's policy needs a second factor the person has not enrolled:
    /// the session's token works only to enrol one (`beginTOTPEnrolment`, `confirmTOTPEnrolment`).
    case enrolmentRequired(SignedInSession)
    /// Refused (unknown login, wrong password or a person not enabled for the server: one answer for all).
    case refused
    /// Too many failures: try again after this many seconds.
    case locked(retryAfter: Int)
}

/// A session just opened.
public struct SignedInSession: Sendable, Equatable {
    /// The bearer token; the database keeps only its SHA-256.
    public let token: String
    /// The session's id (recorded in `identity.signed_in`).
    public let sessionID: UUID
    /// The role the session acts as.
    public let role: String
    /// When the session ends at the latest.
    public let expiresAt: Date
}

/// How long sessions last.
public struct SessionPolicy: Sendable {
    /// The longest a session lives.
    public var lifetime: Duration
    /// The longest it may sit unused.
    public var idleTimeout: Duration

    /// Twelve hours, thirty minutes idle.
    public static let standard = SessionPolicy(lifetime: .seconds(12 * 3600), idleTimeout: .seconds(30 * 60))

    /// A policy.
    public init(lifetime: Duration, idleTimeout: Duration) {
        self.lifetime = lifetime
        self.idleTimeout = idleTimeout
    }
}

/// Who a request acts as, once authenticated.
public struct Principal: Sendable, Equatable {
    /// The database role every transaction of the request sets.
    public let role: String
    /// What it may do.
    public let actions: Set<APIAction>
    /// The session's id, for a signed-in person.
    public let sessionID: UUID?
}

/// An API key as listed (never its secret).
public struct APIKeySummary: Sendable, Equatable {
    public let keyID: String
    public let role: String
    public let label: String
    public let actions: [String]
    public let createdBy: String
    public let createdAt: Date
    public let revokedAt: Date?
}
