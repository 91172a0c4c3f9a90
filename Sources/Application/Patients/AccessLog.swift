import EventStore
import Foundation
import Postgres

/// Records reads of PHI as `access.phi_viewed` events in the tenant's log: who (the server's `db_user`
/// and the actor), what record, when, why, and whether it is a 42 CFR Part 2 record.
public struct AccessLog: Sendable {
    /// A log.
    public init() {}

    static let recordSQL = SQL("access_record", "SELECT rcm.record_access($1, $2, $3, $4::jsonb, $5::jsonb, $6::date) AS position")

    /// Appends one access event; returns its position.
    @discardableResult
    public func record(
        record: String, patientKey: String? = nil, purpose: String, sensitive: Bool, context: CommandContext, in session: DatabaseSession
    ) throws -> Int64 {
        var payload: [String: Any] = ["record": record, "purpose": purpose, "sensitive": sensitive]
        if let patientKey { payload["patient_key"] = patientKey }
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        return try session.query(
            Self.recordSQL,
            [
                context.tenant.id.sqlParameter, UUID().sqlParameter, "access.phi_viewed".sqlParameter,
                JSONText(data: data).sqlParameter, JSONText(context.metadata().jsonText).sqlParameter,
                context.today.description.sqlParameter,
            ]
        ).first!.decode("position")
    }
}
