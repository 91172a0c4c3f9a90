import Foundation

/// A webhook subscription as listed (never its secret).
public struct WebhookSubscription: Sendable, Equatable {
    public let subscriptionID: UUID
    /// The practice's slug.
    public let practice: String
    public let url: String
    /// The event types delivered; empty is every type integrators see.
    public let eventTypes: [String]
    /// The role that subscribed (deliveries read the log as it).
    public let owner: String
    public let createdAt: Date
    /// The last position delivered or parked.
    public let cursor: Int64
    /// Failures in a row of the next event.
    public let failures: Int
    public let nextAttemptAt: Date?
}

/// A subscription just created, with its signing secret (shown once).
public struct CreatedWebhook: Sendable {
    public let subscription: WebhookSubscription
    public let secret: String
}

/// An event parked in the dead-letter list after failing for the give-up horizon.
public struct DeadLetter: Sendable, Equatable {
    public let subscriptionID: UUID
    public let position: Int64
    public let parkedAt: Date
    /// `parked`, `replaying` (a person asked for it again) or `delivered`.
    public let state: String
}

/// One recorded delivery attempt.
public struct WebhookAttempt: Sendable, Equatable {
    public let subscriptionID: UUID
    public let position: Int64
    public let attemptedAt: Date
    public let statusCode: Int?
    /// `delivered`, `failed` or `parked`.
    public let outcome: String
}
