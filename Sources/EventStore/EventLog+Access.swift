import Foundation
import Postgres

extension EventLog {
    static let keyUsedSQL = SQL("event_key_used", "SELECT 1 FROM rcm.idempotency_keys WHERE tenant_id = $1 AND key = $2")

    /// Whether an idempotency key has been used in the tenant's log.
    public static func isKeyUsed(tenant: TenantID, key: String, in session: DatabaseSession) throws -> Bool {
        try session.query(keyUsedSQL, [tenant.sqlParameter, key.sqlParameter]).count > 0
    }

    static let recordAccessSQL = SQL(
        "access_record", "SELECT rcm.record_access($1, $2, $3, $4::integer, $5::jsonb, $6::jsonb, $7::date) AS position")

    /// Records a read of protected data (an `access.*` event) through `rcm.record_access`, the path open to
    /// auditors and staff alike; returns its position.
    public static func recordAccess(_ event: NewEvent, tenant: TenantID, in session: DatabaseSession) throws -> Int64 {
        try session.query(
            recordAccessSQL,
            [
                tenant.sqlParameter, event.eventID.sqlParameter, event.eventType.sqlParameter, event.schemaVersion.sqlParameter, event.payload.sqlParameter,
                JSONText(event.metadata.jsonText).sqlParameter, event.effectiveDate.sqlParameter,
            ]
        ).first!.decode("position")
    }
}
