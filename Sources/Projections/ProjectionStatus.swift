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

    static let sql = SQL(
        "proj_status",
        """
        SELECT t.slug, h.position AS head, coalesce(c.position, 0) AS position, c.updated_at,
               coalesce(extract(epoch FROM clock_timestamp() - (
                   SELECT e.recorded_at FROM rcm.events e
                   WHERE e.tenant_id = t.tenant_id AND e.position = coalesce(c.position, 0) + 1)), 0)::float8::text
                   AS lag_seconds
        FROM rcm.tenants t
        JOIN rcm.log_heads h ON h.tenant_id = t.tenant_id
        LEFT JOIN rcm.checkpoints c ON c.tenant_id = t.tenant_id AND c.consumer = $1
        ORDER BY t.kind, t.slug
        """)

    /// Every projection's position and lag for every tenant this login may see.
    public static func load(in session: DatabaseSession) throws -> [ProjectionStatus] {
        var statuses: [ProjectionStatus] = []
        for name in Projections.names {
            for row in try session.query(sql, [name]).rows {
                statuses.append(
                    ProjectionStatus(
                        projection: name, tenant: try row.decode("slug"), position: try row.decode("position"),
                        head: try row.decode("head"), updatedAt: try row.decodeIfPresent("updated_at"),
                        lagSeconds: Double(try row.decode("lag_seconds", as: String.self)) ?? 0))
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
