import EventStore
import Foundation
import Postgres

/// Where each projection stands in each tenant's log.
public struct ProjectionStatus: Sendable, Hashable {
    /// The projection.
    public let projection: String
    /// The tenant's slug.
    public let tenant: String
    /// The checkpoint.
    public let position: Int64
    /// The tenant's log head.
    public let head: Int64
    /// When the checkpoint last moved, if it ever did.
    public let updatedAt: Date?
    /// Seconds since the oldest event not yet applied was recorded (0 when caught up).
    public let lagSeconds: Double

    /// Events not yet applied.
    public var lag: Int64 { max(0, head - position) }

    /// Every projection's position and lag for every tenant this login may see.
    public static func load(in session: DatabaseSession) throws -> [ProjectionStatus] {
        var statuses: [ProjectionStatus] = []
        for name in Projections.names {
            for lag in try Checkpoints(consumer: name).lag(in: session) {
                statuses.append(
                    ProjectionStatus(
                        projection: name, tenant: lag.tenant.slug, position: lag.position, head: lag.head,
                        updatedAt: lag.updatedAt, lagSeconds: lag.seconds))
            }
        }
        return statuses
    }

    /// As a report (for the table, CSV and JSON renderers).
    public static func report(_ statuses: [ProjectionStatus]) -> Report {
        Report(
            name: "projections-status",
            columns: [
                .init("projection", .text), .init("tenant", .text), .init("position", .count), .init("head", .count),
                .init("lag", .count), .init("lag_seconds", .decimal), .init("updated_at", .text),
            ],
            rows: statuses.map { s in
                [
                    .text(s.projection), .text(s.tenant), .count(s.position), .count(s.head), .count(s.lag),
                    .decimal(String(format: "%.1f", s.lagSeconds)), s.updatedAt.map { .text(ISO8601DateFormatter().string(from: $0)) } ?? .null,
                ]
            })
    }
}
