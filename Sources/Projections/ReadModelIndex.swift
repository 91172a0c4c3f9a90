import Billing
import EventStore
import Foundation
import Postgres

/// What commands ask of a practice's streams — claims by patient or payer, accounts, sessions by date of
/// service, posted payments — answered from the index and remittance tables after catching the tenant up
/// inside the caller's transaction (the runner's batches nest as savepoints), so an answer includes
/// everything committed and what the caller appended itself. Never a scan of the log.
public enum ReadModelIndex {
    static let tables = ProjectionTables.analystViews

    static let claimsSQL = SQL(
        "index_claims",
        "SELECT i.claim_id FROM \(tables.claimIndex) i LEFT JOIN \(tables.claimStatus) s "
            + "ON s.tenant_id = i.tenant_id AND s.claim_id = i.claim_id "
            + "WHERE i.tenant_id = $1 AND ($2::text IS NULL OR i.patient_key = $2) "
            + "AND ($3::text IS NULL OR i.payer_id = $3 OR s.payer_id = $3) ORDER BY i.position")
    static let claimPageSQL = SQL(
        "index_claim_page",
        "SELECT claim_id FROM \(tables.claimStatus) WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
            + "AND ($3::text IS NULL OR claim_id > $3) ORDER BY claim_id LIMIT $4::int")
    static let accountsSQL = SQL(
        "index_accounts", "SELECT patient_key FROM \(tables.accountIndex) WHERE tenant_id = $1 ORDER BY position")
    static let sessionsSQL = SQL(
        "index_sessions",
        "SELECT session_id FROM \(tables.sessionIndex) WHERE tenant_id = $1 AND patient_key = $2 "
            + "AND date_of_service BETWEEN $3::date AND $4::date ORDER BY date_of_service, logged_position")
    static let paymentsSQL = SQL(
        "index_payments", "SELECT stream_id FROM \(tables.remittances) WHERE tenant_id = $1 ORDER BY received_position")

    /// A tenant's claim ids, oldest first (by `claim.created`), optionally of one patient or one payer: the payer it was
    /// created for or the payer it is billed to now (`claim_status`, after COB moved it to the next payer).
    public static func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?, in session: DatabaseSession) throws -> [ClaimID] {
        try catchUp(tenant, in: session)
        let parameters = [tenant.sqlParameter, SQLParameter(text: patient?.rawValue), SQLParameter(text: payer?.rawValue)]
        return try session.query(claimsSQL, parameters).rows.map { ClaimID(try $0.decode("claim_id", as: String.self)) }
    }

    /// A page of a tenant's claim ids in claim-id order: those after `after` (a cursor), in `status` (as the
    /// analyst table spells it) when given, at most `limit`. One index range of `claim_status`, whatever the
    /// practice's size.
    public static func claimIDs(tenant: TenantID, status: String?, after: String?, limit: Int, in session: DatabaseSession) throws -> [ClaimID] {
        try catchUp(tenant, in: session)
        let parameters = [tenant.sqlParameter, SQLParameter(text: status), SQLParameter(text: after), SQLParameter(text: String(limit))]
        return try session.query(claimPageSQL, parameters).rows.map { ClaimID(try $0.decode("claim_id", as: String.self)) }
    }

    /// Patient keys with an account, in opening order.
    public static func accounts(tenant: TenantID, in session: DatabaseSession) throws -> [PatientKey] {
        try catchUp(tenant, in: session)
        return try session.query(accountsSQL, [tenant.sqlParameter]).rows.map { PatientKey(try $0.decode("patient_key", as: String.self)) }
    }

    /// A patient's sessions with a date of service in a range (as last corrected; voided ones included), by
    /// date of service, then logging order.
    public static func sessionIDs(
        tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate, in session: DatabaseSession
    ) throws -> [SessionID] {
        try catchUp(tenant, in: session)
        let parameters = [
            tenant.sqlParameter, SQLParameter(text: patient.rawValue), SQLParameter(text: from.description),
            SQLParameter(text: through.description),
        ]
        return try session.query(sessionsSQL, parameters).rows.map { SessionID(try $0.decode("session_id", as: String.self)) }
    }

    /// The streams of a tenant's posted payments (`remit-…`), in the order they were received.
    public static func remittanceStreams(tenant: TenantID, in session: DatabaseSession) throws -> [String] {
        try catchUp(tenant, in: session)
        return try session.query(paymentsSQL, [tenant.sqlParameter]).rows.map { try $0.decode("stream_id") }
    }

    /// Brings the tenant's tables up to its head in the caller's transaction. A login that may only read
    /// them (an auditor) cannot advance them: it is answered from the tables as the runner and the last
    /// command left them.
    static func catchUp(_ tenant: TenantID, in session: DatabaseSession) throws {
        do {
            try ProjectionRunner().catchUp(tenant: tenant, in: session)
        } catch let error as PostgresError where error.sqlState == "42501" {
            return
        }
    }
}
