import Billing
import EventStore
import Postgres

/// The alerts analyst table (`rcm_analytics_store.alerts`, read as `rcm_analytics.alerts`): one practice's current
/// alerts as of a business date. Not folded from events (alerts move with the date): replaced whole per practice.
public enum AlertsTable {
    static let clearSQL = SQL("alerts_clear", "DELETE FROM rcm_analytics_store.alerts WHERE tenant_id = $1")
    static let insertSQL = SQL(
        "alerts_insert",
        """
        INSERT INTO rcm_analytics_store.alerts
            (tenant_id, ordinal, kind, patient_key, subject, deadline, detail, resolve_with, as_of)
        VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9::date)
        """)

    /// Replaces the practice's rows with `alerts` (in their order) as of `asOf`; returns the rows written.
    @discardableResult
    public static func replace(tenant: TenantID, with alerts: [Alert], asOf: LocalDate, in session: DatabaseSession) throws -> Int {
        try session.query(clearSQL, [tenant])
        for (ordinal, alert) in alerts.enumerated() {
            let values: [any SQLBindable] = [
                tenant, ordinal + 1, alert.kind.rawValue, alert.patientKey.rawValue, alert.subject, alert.deadline.description,
                alert.detail, alert.resolveWith, asOf.description,
            ]
            try session.query(insertSQL, values)
        }
        return alerts.count
    }
}
