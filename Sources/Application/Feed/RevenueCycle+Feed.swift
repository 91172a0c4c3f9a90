import EventStore
import Foundation
import Postgres

extension RevenueCycle {
    /// A page of a practice's events as integrators see them (docs/api.md "Events feed"): after `position`,
    /// in position order, at most `limit` read. Resume with the page's `next`.
    public func feed(practice name: String, after position: Int64, limit: Int) async throws -> FeedPage {
        guard position >= 0 else { throw CommandRejected("after is a position, 0 or more") }
        guard (1...1000).contains(limit) else { throw CommandRejected("limit is 1 to 1000") }
        return try await inPractice(name) { practice, session in
            let (events, through) = try PostgresFeed.read(tenant: practice.id, after: position, limit: limit, in: session)
            return FeedPage(practice: practice.slug, events: events, next: through, head: try PostgresFeed.head(tenant: practice.id, in: session))
        }
    }

    /// Runs `body` in one PostgreSQL transaction (as the acting role) for a practice this login may see.
    func inPractice<T: Sendable>(_ name: String, _ body: @escaping @Sendable (Tenant, DatabaseSession) throws -> T) async throws -> T {
        let backend = try postgres
        return try await backend.withTransaction { session in
            let tenant = try Self.resolve(name, in: backend.storeTransaction(on: session))
            guard tenant.kind == .practice else { throw NoSuchRecord() }
            return try body(tenant, session)
        }
    }
}
