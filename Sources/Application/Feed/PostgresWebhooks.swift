import EventStore
import Foundation
import Postgres

/// The statements of webhook subscriptions and deliveries (Schema/V0013__webhooks.sql).
enum PostgresWebhooks {
    static let columns = """
        s.subscription_id, s.url, s.event_types, s.owner_role, s.created_at, s.cursor, s.attempts,
        CASE WHEN s.next_attempt_at = '-infinity' THEN NULL ELSE s.next_attempt_at END AS next_attempt_at
        """
    static let insertSQL = SQL(
        "webhook_insert",
        """
        INSERT INTO rcm.webhook_subscriptions AS s (tenant_id, subscription_id, url, event_types, secret, cursor)
        VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING \(columns)
        """)
    static let listSQL = SQL(
        "webhook_list",
        "SELECT \(columns) FROM rcm.webhook_subscriptions s WHERE s.tenant_id = $1 AND s.deleted_at IS NULL ORDER BY s.created_at, s.subscription_id")
    static let deleteSQL = SQL(
        "webhook_delete",
        """
        UPDATE rcm.webhook_subscriptions SET deleted_at = now()
        WHERE tenant_id = $1 AND subscription_id = $2 AND deleted_at IS NULL RETURNING subscription_id
        """)
    static let deadLettersSQL = SQL(
        "webhook_dead_letters",
        """
        SELECT d.subscription_id, d.position, d.parked_at, d.state FROM rcm.webhook_dead_letters d
        WHERE d.tenant_id = $1 AND ($2::uuid IS NULL OR d.subscription_id = $2) ORDER BY d.subscription_id, d.position
        """)
    static let replaySQL = SQL(
        "webhook_replay",
        """
        UPDATE rcm.webhook_dead_letters SET state = 'replaying', replayed_by = rcm.acting_role()
        WHERE tenant_id = $1 AND subscription_id = $2 AND state = 'parked' AND ($3::bigint IS NULL OR position = $3)
        RETURNING position
        """)
    static let attemptsSQL = SQL(
        "webhook_attempts",
        """
        SELECT a.subscription_id, a.position, a.attempted_at, a.status_code, a.outcome FROM rcm.webhook_attempts a
        WHERE a.tenant_id = $1 AND a.subscription_id = $2 ORDER BY a.attempted_at DESC, a.attempt_id DESC LIMIT $3
        """)

    // The worker's statements.
    static let dueSQL = SQL("webhook_due", "SELECT * FROM rcm.webhooks_due($1)")
    static let nextReplaySQL = SQL(
        "webhook_next_replay",
        """
        SELECT d.position FROM rcm.webhook_dead_letters d
        WHERE d.tenant_id = $1 AND d.subscription_id = $2 AND d.state = 'replaying' ORDER BY d.position LIMIT 1
        """)
    static let lockSQL = SQL(
        "webhook_lock",
        """
        SELECT s.cursor, s.attempts FROM rcm.webhook_subscriptions s
        WHERE s.tenant_id = $1 AND s.subscription_id = $2 AND s.deleted_at IS NULL FOR UPDATE
        """)
    static let advanceSQL = SQL(
        "webhook_advance",
        """
        UPDATE rcm.webhook_subscriptions SET cursor = greatest(cursor, $3), attempts = 0, first_failure_at = NULL,
            next_attempt_at = '-infinity'
        WHERE tenant_id = $1 AND subscription_id = $2
        """)
    static let failSQL = SQL(
        "webhook_fail",
        """
        UPDATE rcm.webhook_subscriptions SET attempts = attempts + 1, first_failure_at = coalesce(first_failure_at, now()),
            next_attempt_at = now() + $3::bigint * interval '1 millisecond'
        WHERE tenant_id = $1 AND subscription_id = $2
        RETURNING attempts, first_failure_at, now() AS now
        """)
    static let attemptSQL = SQL(
        "webhook_attempt",
        """
        INSERT INTO rcm.webhook_attempts (tenant_id, subscription_id, position, status_code, outcome, error)
        VALUES ($1, $2, $3, $4, $5, $6)
        """)
    static let parkSQL = SQL(
        "webhook_park",
        """
        INSERT INTO rcm.webhook_dead_letters (tenant_id, subscription_id, position) VALUES ($1, $2, $3)
        ON CONFLICT (tenant_id, subscription_id, position) DO UPDATE SET state = 'parked', parked_at = now()
        """)
    static let replayedSQL = SQL(
        "webhook_replayed",
        "UPDATE rcm.webhook_dead_letters SET state = $4 WHERE tenant_id = $1 AND subscription_id = $2 AND position = $3")
    static let replayFailedSQL = SQL(
        "webhook_replay_failed",
        """
        UPDATE rcm.webhook_subscriptions SET next_attempt_at = now() + $3::bigint * interval '1 millisecond'
        WHERE tenant_id = $1 AND subscription_id = $2
        """)

    static func subscription(_ row: Row, practice: String) throws -> WebhookSubscription {
        WebhookSubscription(
            subscriptionID: try row.decode("subscription_id"), practice: practice, url: try row.decode("url"),
            eventTypes: try textArray(row.decode("event_types")), owner: try row.decode("owner_role"),
            createdAt: try row.decode("created_at"), cursor: try row.decode("cursor"), failures: try row.decode("attempts"),
            nextAttemptAt: try row.decodeIfPresent("next_attempt_at"))
    }

    /// A `text[]` column's literal (`{a,b}`) as strings (event types have no commas, quotes or braces).
    static func textArray(_ literal: String) -> [String] {
        literal.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}
