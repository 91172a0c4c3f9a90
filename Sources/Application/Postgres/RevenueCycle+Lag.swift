import Foundation
import Postgres

/// How far a projection trails a practice's log.
public struct ProjectionLag: Sendable, Equatable {
    /// The tenant's slug.
    public let tenant: String
    public let consumer: String
    /// The log head minus the consumer's checkpoint.
    public let events: Int64
}

extension RevenueCycle {
    static let projectionLagSQL = SQL("projection_lag", "SELECT tenant, consumer, events FROM rcm.projection_lag()")

    /// Every projection's lag behind every tenant's head (the server's `/metrics`; slugs and counts only).
    public func projectionLag() async throws -> [ProjectionLag] {
        try await postgres.withTransaction { session in
            try session.query(Self.projectionLagSQL).rows.map {
                ProjectionLag(tenant: try $0.decode("tenant"), consumer: try $0.decode("consumer"), events: try $0.decode("events"))
            }
        }
    }
}
