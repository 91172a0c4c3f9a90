import EventStore
import Foundation
import Postgres

extension RevenueCycle {
    /// A subscription whose next delivery is due, as the server's login sees it through `rcm.webhooks_due`.
    struct DueWebhook: Sendable {
        let tenant: TenantID
        let subscription: UUID
        let owner: String
        let url: String
        let secret: String
        let eventTypes: Set<String>?
        let cursor: Int64
        let attempts: Int
    }

    /// One pass of the delivery worker (run by `rcm serve` on its own login's core): for each due
    /// subscription, the next event (a replay asked for first, else the first event past the cursor of its
    /// types), sent with `send`, the outcome recorded. Each subscription delivers one event at a time in
    /// position order, so a practice's events arrive in order; a failure is retried with `policy`'s
    /// backoff and, past its horizon, parked. Reads and records act as the role that subscribed.
    public func deliverWebhooks(
        policy: WebhookRetryPolicy, limit: Int = 50, send: @escaping @Sendable (WebhookRequest) async -> WebhookResponse
    ) async throws -> WebhookPass {
        let base = try postgres
        let due = try await base.withTransaction { session in
            try session.query(PostgresWebhooks.dueSQL, [limit]).rows.map { row in
                let types = PostgresWebhooks.textArray(try row.decode("event_types"))
                return DueWebhook(
                    tenant: try row.decode("tenant_id"), subscription: try row.decode("subscription_id"), owner: try row.decode("owner_role"),
                    url: try row.decode("url"), secret: try row.decode("secret"), eventTypes: types.isEmpty ? nil : Set(types),
                    cursor: try row.decode("cursor"), attempts: try row.decode("attempts"))
            }
        }
        var pass = WebhookPass()
        for webhook in due {
            let owner = base.acting(as: webhook.owner)
            guard let (event, practice, replay) = try await Self.next(for: webhook, on: owner), let url = URL(string: webhook.url) else {
                continue
            }
            let body = event.json(practice: practice)
            let timestamp = Int(Date().timeIntervalSince1970)
            let request = WebhookRequest(
                url: url,
                headers: [
                    "Content-Type": "application/json", WebhookSignature.header: WebhookSignature.value(secret: webhook.secret, timestamp: timestamp, body: body),
                    "RCM-Event-ID": event.eventID.uuidString.lowercased(), "RCM-Event-Position": String(event.position),
                    "RCM-Subscription-ID": webhook.subscription.uuidString.lowercased(),
                ], body: body)
            let response = await send(request)
            let outcome = try await Self.record(response, of: event.position, replay: replay, for: webhook, policy: policy, on: owner)
            switch outcome {
            case "delivered": pass.delivered += 1
            case "parked": pass.parked += 1
            default: pass.failed += 1
            }
            if outcome != "failed" { pass.more = true }
        }
        return pass
    }

    /// The next event of a subscription, its practice's slug and whether it is a replay; nil when there is
    /// nothing of its types up to the head (the cursor then moves to the head).
    static func next(for webhook: DueWebhook, on owner: PostgresBackend) async throws -> (FeedEvent, String, Bool)? {
        try await owner.withTransaction { session in
            guard let tenant = try owner.storeTransaction(on: session).find(webhook.tenant.description) else { return nil }
            if let replay: Int64 = try session.query(PostgresWebhooks.nextReplaySQL, [webhook.tenant, webhook.subscription]).first?.decode("position") {
                let (events, _) = try PostgresFeed.read(tenant: webhook.tenant, after: replay - 1, limit: 1, in: session)
                if let event = events.first { return (event, tenant.slug, true) }
                try session.query(PostgresWebhooks.replayedSQL, [webhook.tenant.sqlParameter, webhook.subscription.sqlParameter, replay.sqlParameter, "delivered".sqlParameter])
                return nil
            }
            var cursor = webhook.cursor
            for _ in 0..<10 {
                let (events, through) = try PostgresFeed.read(tenant: webhook.tenant, after: cursor, limit: 200, types: webhook.eventTypes, in: session)
                if let event = events.first { return (event, tenant.slug, false) }
                guard through > cursor else { break }
                cursor = through
            }
            if cursor > webhook.cursor { try session.query(PostgresWebhooks.advanceSQL, [webhook.tenant.sqlParameter, webhook.subscription.sqlParameter, cursor.sqlParameter]) }
            return nil
        }
    }

    /// Records an attempt and moves the subscription on: `delivered`, `failed` (retried later) or `parked`.
    static func record(
        _ response: WebhookResponse, of position: Int64, replay: Bool, for webhook: DueWebhook, policy: WebhookRetryPolicy, on owner: PostgresBackend
    ) async throws -> String {
        try await owner.withTransaction { session in
            let key: [SQLParameter] = [webhook.tenant.sqlParameter, webhook.subscription.sqlParameter]
            guard try !session.query(PostgresWebhooks.lockSQL, key).rows.isEmpty else { return "failed" }
            let error = response.error.map { String($0.prefix(500)) } ?? response.statusCode.map { "answered \($0)" }
            func attempt(_ outcome: String) throws {
                try session.query(
                    PostgresWebhooks.attemptSQL,
                    key + [position.sqlParameter, response.statusCode.map { $0.sqlParameter } ?? .null, outcome.sqlParameter,
                        (response.delivered ? nil : error).map { $0.sqlParameter } ?? .null])
            }
            if replay {
                let state = response.delivered ? "delivered" : "parked"
                try session.query(PostgresWebhooks.replayedSQL, key + [position.sqlParameter, state.sqlParameter])
                try attempt(response.delivered ? "delivered" : "failed")
                if !response.delivered {
                    try session.query(PostgresWebhooks.replayFailedSQL, key + [WebhookRetryPolicy.milliseconds(policy.base).sqlParameter])
                }
                return response.delivered ? "delivered" : "failed"
            }
            if response.delivered {
                try attempt("delivered")
                try session.query(PostgresWebhooks.advanceSQL, key + [position.sqlParameter])
                return "delivered"
            }
            let delay = WebhookRetryPolicy.milliseconds(policy.delay(afterFailures: webhook.attempts + 1))
            let row = try session.query(PostgresWebhooks.failSQL, key + [delay.sqlParameter]).first!
            if policy.givesUp(firstFailure: try row.decode("first_failure_at"), now: try row.decode("now")) {
                try attempt("parked")
                try session.query(PostgresWebhooks.parkSQL, key + [position.sqlParameter])
                try session.query(PostgresWebhooks.advanceSQL, key + [position.sqlParameter])
                return "parked"
            }
            try attempt("failed")
            return "failed"
        }
    }
}
