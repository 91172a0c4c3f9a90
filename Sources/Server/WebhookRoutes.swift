import Application
import Foundation
import HTTPTypes
import Hummingbird

/// Webhook subscriptions of a practice (docs/api.md "Webhooks"): create (the signing secret is in this
/// answer only), list, delete; each subscription's attempts and dead letters, and replaying those.
struct WebhookRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.post, "/practices/{practice}/webhooks") { request, context in
            let principal = try context.require(.manageWebhooks)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let body = try await JSONObject.read(request, context: context, allowed: ["url", "eventTypes"])
            let url = try body.string("url", maxLength: 2000)
            let types = body.values["eventTypes"] == nil ? [] : try body.strings("eventTypes", maxCount: 200, maxLength: 80)
            let created = try await acting.createWebhook(practice: practice.id.description, url: url, eventTypes: types)
            var object = Self.json(created.subscription)
            object["secret"] = created.secret
            return JSONResponse.make(object, status: .created)
        }
        routes.add(.get, "/practices/{practice}/webhooks") { _, context in
            let principal = try context.require(.manageWebhooks)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            return JSONResponse.make(["webhooks": try await acting.webhooks(practice: practice.id.description).map(Self.json)])
        }
        routes.add(.delete, "/practices/{practice}/webhooks/{subscription}") { _, context in
            let (acting, practice, subscription) = try await subscription(context)
            guard try await acting.deleteWebhook(practice: practice, subscription: subscription) else { throw Problem.notFound("webhook") }
            return Response(status: .noContent)
        }
        routes.add(.get, "/practices/{practice}/webhooks/{subscription}/attempts") { _, context in
            let (acting, practice, subscription) = try await subscription(context)
            let attempts = try await acting.webhookAttempts(practice: practice, subscription: subscription)
            return JSONResponse.make([
                "attempts": attempts.map {
                    [
                        "position": $0.position, "attemptedAt": Wire.timestamp($0.attemptedAt), "statusCode": $0.statusCode.map { $0 as Any } ?? NSNull(),
                        "outcome": $0.outcome,
                    ] as [String: Any]
                }
            ])
        }
        routes.add(.get, "/practices/{practice}/webhooks/{subscription}/dead-letters") { _, context in
            let (acting, practice, subscription) = try await subscription(context)
            let letters = try await acting.deadLetters(practice: practice, subscription: subscription)
            return JSONResponse.make([
                "deadLetters": letters.map { ["position": $0.position, "parkedAt": Wire.timestamp($0.parkedAt), "state": $0.state] as [String: Any] }
            ])
        }
        routes.add(.post, "/practices/{practice}/webhooks/{subscription}/replay") { request, context in
            let (acting, practice, subscription) = try await subscription(context)
            var position: Int64?
            if let length = request.headers[.contentLength], length != "0" {
                let body = try await JSONObject.read(request, context: context, allowed: ["position"])
                position = body.values["position"] == nil ? nil : Int64(try body.integer("position", range: 1...Int.max))
            }
            let queued = try await acting.replayDeadLetters(practice: practice, subscription: subscription, position: position)
            return JSONResponse.make(["queued": queued], status: .accepted)
        }
    }

    /// The acting core, the practice's id and the subscription a route names (404 when it is not a UUID).
    func subscription(_ context: ServerContext) async throws -> (RevenueCycle, String, UUID) {
        let principal = try context.require(.manageWebhooks)
        let acting = try core.acting(as: principal.role)
        let practice = try await Wire.practice(context, core: acting)
        guard let id = UUID(uuidString: try Wire.parameter("subscription", context, maxLength: 36)) else { throw Problem.notFound("webhook") }
        return (acting, practice.id.description, id)
    }

    static func json(_ subscription: WebhookSubscription) -> [String: Any] {
        [
            "subscriptionID": subscription.subscriptionID.uuidString.lowercased(), "practice": subscription.practice, "url": subscription.url,
            "eventTypes": subscription.eventTypes, "createdAt": Wire.timestamp(subscription.createdAt), "cursor": subscription.cursor,
            "failures": subscription.failures, "nextAttemptAt": subscription.nextAttemptAt.map { Wire.timestamp($0) as Any } ?? NSNull(),
        ]
    }
}
