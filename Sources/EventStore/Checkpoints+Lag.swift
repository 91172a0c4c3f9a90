import Foundation
import Postgres

extension Checkpoints {
    static let lagSQL = SQL(
        "checkpoint_lag",
        """
        SELECT t.tenant_id, t.slug, t.kind, t.time_zone, t.status, h.position AS head,
               coalesce(c.position, 0) AS position, c.updated_at,
               (SELECT e.recorded_at FROM rcm.events e WHERE e.tenant_id = t.tenant_id AND e.position = c.position)
                   AS checkpoint_recorded_at,
               (SELECT e.recorded_at FROM rcm.events e
                WHERE e.tenant_id = t.tenant_id AND e.position = coalesce(c.position, 0) + 1) AS pending_recorded_at,
               (SELECT e.recorded_at FROM rcm.events e WHERE e.tenant_id = t.tenant_id AND e.position = h.position)
                   AS head_recorded_at,
               clock_timestamp() AS observed_at
        FROM rcm.tenants t
        JOIN rcm.log_heads h ON h.tenant_id = t.tenant_id
        LEFT JOIN rcm.checkpoints c ON c.tenant_id = t.tenant_id AND c.consumer = $1
        ORDER BY t.kind, t.slug
        """)

    /// The consumer's position and lag in every tenant this login may see, company first, then by slug.
    public func lag(in session: DatabaseSession) throws -> [CheckpointLag] {
        try session.query(Self.lagSQL, [consumer]).rows.map { row in
            CheckpointLag(
                tenant: try TenantDirectory.tenant(row), consumer: consumer, position: try row.decode("position"),
                head: try row.decode("head"), updatedAt: try row.decodeIfPresent("updated_at"),
                checkpointRecordedAt: try row.decodeIfPresent("checkpoint_recorded_at"),
                firstPendingRecordedAt: try row.decodeIfPresent("pending_recorded_at"),
                headRecordedAt: try row.decodeIfPresent("head_recorded_at"), observedAt: try row.decode("observed_at"))
        }
    }
}
