import Billing
import EventStore
import Foundation
import Postgres

/// Records reads of PHI as `access.phi_viewed` events in the tenant's log: who (the server's `db_user`
/// and the actor), what record, when, why, and whether it is a 42 CFR Part 2 record.
public struct AccessLog: Sendable {
    /// A log.
    public init() {}

    static let recordSQL = SQL(
        "access_record", "SELECT rcm.record_access($1, $2, $3, $4::integer, $5::jsonb, $6::jsonb, $7::date) AS position")

    /// Appends one access event; returns its position.
    @discardableResult
    public func record(
        record: String, patientKey: String? = nil, purpose: String, sensitive: Bool, context: CommandContext, in session: DatabaseSession
    ) throws -> Int64 {
        let viewed = AccessEvent.PHIViewed(record: record, purpose: purpose, sensitive: sensitive, patientKey: patientKey.map { PatientKey($0) })
        let encoded = try EventCodec().encode(BillingEvent.access(.phiViewed(viewed)))
        return try session.query(
            Self.recordSQL,
            [
                context.tenant.id.sqlParameter, UUID().sqlParameter, encoded.eventType.sqlParameter, encoded.schemaVersion.sqlParameter,
                JSONText(data: encoded.payload).sqlParameter, JSONText(context.metadata().jsonText).sqlParameter,
                context.today.description.sqlParameter,
            ]
        ).first!.decode("position")
    }
}
