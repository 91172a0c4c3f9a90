import Billing
import EventStore
import Foundation
import Postgres

extension RevenueCycle {
    /// Subscribes `url` to a practice's events (of `eventTypes`, or every type integrators see), from the
    /// log's head on. The secret that signs deliveries is in the answer only.
    public func createWebhook(practice name: String, url: String, eventTypes: [String]) async throws -> CreatedWebhook {
        guard url.count <= 2000, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw CommandRejected("url must be an http or https URL of at most 2,000 characters")
        }
        let shown = Set(IntegratorView.shownEventTypes)
        if let unknown = eventTypes.first(where: { !shown.contains($0) }) {
            throw CommandRejected("eventTypes: \(unknown) is not an event type integrators see (docs/api.md lists them)")
        }
        let secret = "whsec_" + SecretToken.make()
        return try await inPractice(name) { practice, session in
            let head = try PostgresFeed.head(tenant: practice.id, in: session)
            let row = try session.query(
                PostgresWebhooks.insertSQL,
                [practice.id, UUID(), url, SQLParameter.textArray(Array(Set(eventTypes)).sorted()), secret, head]
            ).first!
            return CreatedWebhook(subscription: try PostgresWebhooks.subscription(row, practice: practice.slug), secret: secret)
        }
    }

    /// A practice's live subscriptions.
    public func webhooks(practice name: String) async throws -> [WebhookSubscription] {
        try await inPractice(name) { practice, session in
            try session.query(PostgresWebhooks.listSQL, [practice.id]).rows.map { try PostgresWebhooks.subscription($0, practice: practice.slug) }
        }
    }

    /// Ends a subscription (its attempts and dead letters stay on record); false when none was live.
    public func deleteWebhook(practice name: String, subscription: UUID) async throws -> Bool {
        try await inPractice(name) { practice, session in
            !(try session.query(PostgresWebhooks.deleteSQL, [practice.id, subscription]).rows.isEmpty)
        }
    }

    /// The dead-letter list of a practice (of one subscription when given).
    public func deadLetters(practice name: String, subscription: UUID? = nil) async throws -> [DeadLetter] {
        try await inPractice(name) { practice, session in
            try session.query(PostgresWebhooks.deadLettersSQL, [practice.id.sqlParameter, subscription.map { $0.sqlParameter } ?? .null]).rows.map {
                DeadLetter(
                    subscriptionID: try $0.decode("subscription_id"), position: try $0.decode("position"), parkedAt: try $0.decode("parked_at"),
                    state: try $0.decode("state"))
            }
        }
    }

    /// Asks for parked events to be delivered again (one position, or all of the subscription's); returns
    /// the positions queued. The worker delivers them before the subscription's next new event.
    public func replayDeadLetters(practice name: String, subscription: UUID, position: Int64? = nil) async throws -> [Int64] {
        try await inPractice(name) { practice, session in
            try session.query(PostgresWebhooks.replaySQL, [practice.id.sqlParameter, subscription.sqlParameter, position.map { $0.sqlParameter } ?? .null])
                .rows.map { try $0.decode("position") }.sorted()
        }
    }

    /// A subscription's latest attempts, newest first.
    public func webhookAttempts(practice name: String, subscription: UUID, limit: Int = 100) async throws -> [WebhookAttempt] {
        try await inPractice(name) { practice, session in
            try session.query(PostgresWebhooks.attemptsSQL, [practice.id.sqlParameter, subscription.sqlParameter, limit.sqlParameter]).rows.map {
                WebhookAttempt(
                    subscriptionID: try $0.decode("subscription_id"), position: try $0.decode("position"),
                    attemptedAt: try $0.decode("attempted_at"), statusCode: try $0.decodeIfPresent("status_code"), outcome: try $0.decode("outcome"))
            }
        }
    }
}
