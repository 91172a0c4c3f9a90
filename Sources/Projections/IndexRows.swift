/// One row of `claim_index`: a claim's patient and primary payer, fixed at creation, and where it was created.
public struct ClaimIndexRow: Sendable, Hashable {
    /// The practice.
    public var tenantID: String
    /// The claim id.
    public var claimID: String
    /// CLM01.
    public var claimNumber: String
    /// The pseudonymous patient key.
    public var patientKey: String
    /// The payer the claim was created for.
    public var payerID: String
    /// Business date of creation.
    public var createdOn: String
    /// Log position of `claim.created` (the index's order).
    public var position: Int64

    static let columns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("claim_id", "text"), ("claim_number", "text"), ("patient_key", "text"), ("payer_id", "text"),
        ("created_on", "date"), ("position", "bigint"),
    ]

    var values: [String?] { [tenantID, claimID, claimNumber, patientKey, payerID, createdOn, String(position)] }
}

/// One row of `session_index`: a session's patient and date of service as last logged or corrected.
public struct SessionIndexRow: Sendable, Hashable {
    /// The practice.
    public var tenantID: String
    /// The session id.
    public var sessionID: String
    /// The pseudonymous patient key (as corrected).
    public var patientKey: String
    /// The date of service (as corrected).
    public var dateOfService: String
    /// Voided (still indexed: the caller decides what a voided session means).
    public var voided = false
    /// Business date it was logged.
    public var loggedOn: String
    /// Log position of `session.logged` (the logging order).
    public var loggedPosition: Int64
    /// Log position of the last event applied.
    public var lastPosition: Int64
    /// The claim that first billed the session (`claim.created`); nil while the session is not on a claim.
    public var claimID: String?
    /// The rendering provider (as corrected).
    public var rendering: String?

    static let columns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("session_id", "text"), ("patient_key", "text"), ("date_of_service", "date"),
        ("voided", "boolean"), ("logged_on", "date"), ("logged_position", "bigint"), ("last_position", "bigint"),
        ("claim_id", "text"), ("rendering", "text"),
    ]

    var values: [String?] {
        [tenantID, sessionID, patientKey, dateOfService, String(voided), loggedOn, String(loggedPosition), String(lastPosition), claimID, rendering]
    }
}

/// One row of `account_index`: a patient with an account, and where it was opened.
public struct AccountIndexRow: Sendable, Hashable {
    /// The practice.
    public var tenantID: String
    /// The pseudonymous patient key.
    public var patientKey: String
    /// Business date the account was opened.
    public var openedOn: String
    /// Log position of `account.opened` (the index's order).
    public var position: Int64

    static let columns: [TableWriter.Column] = [
        ("tenant_id", "uuid"), ("patient_key", "text"), ("opened_on", "date"), ("position", "bigint"),
    ]

    var values: [String?] { [tenantID, patientKey, openedOn, String(position)] }
}
