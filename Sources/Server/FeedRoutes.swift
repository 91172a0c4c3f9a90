import Application
import Foundation
import HTTPTypes
import Hummingbird

/// The events feed (docs/api.md "Events feed"): a practice's events as integrators see them, in position
/// order without gaps; a page (`after`, `limit`, resume with `next`) or a server-sent events stream whose
/// event ids are positions (`Last-Event-ID` resumes after one).
struct FeedRoutes {
    let core: RevenueCycle
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    /// How long one stream lives before the client reconnects with `Last-Event-ID` (bounded, so a restart
    /// or a shutdown never waits on a stream for long).
    static let streamLifetime: Duration = .seconds(300)
    static let pollInterval: Duration = .milliseconds(250)

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/events") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let query = request.uri.queryParameters
            let after = try Self.position(query.get("after").map { String($0) }, field: "after") ?? 0
            let limit = try query.get("limit").map { text in
                guard let limit = Int(text), (1...1000).contains(limit) else { throw Problem.invalid("limit", "range", "limit is 1 to 1000") }
                return limit
            } ?? 100
            let page = try await acting.feed(practice: practice.id.description, after: after, limit: limit)
            return JSONResponse.make([
                "practice": page.practice, "events": page.events.map { $0.jsonObject(practice: page.practice) }, "next": page.next, "head": page.head,
            ])
        }
        routes.add(.get, "/practices/{practice}/events/stream") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let start =
                try Self.position(request.headers[Self.lastEventID], field: "Last-Event-ID")
                ?? Self.position(request.uri.queryParameters.get("after").map { String($0) }, field: "after") ?? 0
            let tenant = practice.id.description
            // The first page is read before answering, so a refusal is still a problem document.
            let first = try await acting.feed(practice: tenant, after: start, limit: 100)
            let body = ResponseBody { writer in
                var page = first
                let ends = ContinuousClock.now + Self.streamLifetime
                var quietSince = ContinuousClock.now
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                while ContinuousClock.now < ends, !Task.isCancelled {
                    for event in page.events {
                        let data = String(decoding: event.json(practice: page.practice), as: UTF8.self)
                        try await writer.write(ByteBuffer(string: "id: \(event.position)\nevent: \(event.eventType)\ndata: \(data)\n\n"))
                    }
                    if page.events.isEmpty && page.next >= page.head {
                        if ContinuousClock.now - quietSince > .seconds(15) {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            quietSince = ContinuousClock.now
                        }
                        try await Task.sleep(for: Self.pollInterval)
                    } else {
                        quietSince = ContinuousClock.now
                    }
                    page = try await acting.feed(practice: tenant, after: page.next, limit: 100)
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
        }
    }

    /// A position (0 or more) in a query parameter or header, nil when absent.
    static func position(_ text: String?, field: String) throws -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text), value >= 0 else { throw Problem.invalid(field, "range", "\(field) is a log position, 0 or more") }
        return value
    }
}
