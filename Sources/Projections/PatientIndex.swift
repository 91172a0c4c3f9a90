import EventStore
import Foundation
import Postgres

/// What commands ask of a patient's or a practice's streams: claims by patient or payer, accounts, sessions.
public enum PatientIndex {
    static let claimsSQL = SQL(
        "index_claims",
        """
        SELECT substr(stream_id, 7) AS claim_id FROM rcm.events
        WHERE tenant_id = $1 AND event_type = 'claim.created'
          AND ($2::text IS NULL OR payload ->> 'patientKey' = $2) AND ($3::text IS NULL OR payload ->> 'payerID' = $3)
        ORDER BY position
        """)
    static let accountsSQL = SQL(
        "index_accounts",
        "SELECT payload ->> 'patientKey' AS patient_key FROM rcm.events WHERE tenant_id = $1 AND event_type = 'account.opened' ORDER BY position")
    static let sessionsSQL = SQL(
        "index_sessions",
        """
        SELECT substr(stream_id, 9) AS session_id FROM rcm.events
        WHERE tenant_id = $1 AND event_type = 'session.logged' AND payload -> 'record' ->> 'patientKey' = $2
          AND effective_date BETWEEN $3::date AND $4::date
        ORDER BY effective_date, position
        """)

    /// A tenant's claim ids, oldest first, optionally of one patient or one payer.
    public static func claimIDs(tenant: TenantID, patient: String?, payer: String?, in session: DatabaseSession) throws -> [String] {
        try session.query(claimsSQL, [tenant.sqlParameter, patient.sqlParameter, payer.sqlParameter]).rows.map { try $0.decode("claim_id") }
    }

    /// Patient keys with an account, in opening order.
    public static func accounts(tenant: TenantID, in session: DatabaseSession) throws -> [String] {
        try session.query(accountsSQL, [tenant]).rows.map { try $0.decode("patient_key") }
    }

    /// A patient's session ids with a date of service in a range.
    public static func sessionIDs(tenant: TenantID, patient: String, from: String, through: String, in session: DatabaseSession) throws -> [String] {
        try session.query(sessionsSQL, [tenant.sqlParameter, patient.sqlParameter, from.sqlParameter, through.sqlParameter]).rows.map {
            try $0.decode("session_id")
        }
    }
}
