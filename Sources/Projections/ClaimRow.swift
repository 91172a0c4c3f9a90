/// One row of `claim_status`: a claim's payer, provider, dates, state and money, in cents.
/// Dates are business dates as `YYYY-MM-DD` text (they compare correctly as text).
public struct ClaimRow: Sendable, Hashable {
    public var tenantID: String
    public var claimID: String
    public var claimNumber = ""
    public var patientKey = ""
    public var payerID = ""
    public var payerOrder = "primary"
    public var primaryPayerID = ""
    public var renderingProvider: String?
    public var serviceDate = ""
    public var serviceDateLast = ""
    public var createdOn = ""
    public var firstSubmittedOn: String?
    public var payerSubmittedOn: String?
    public var lastSubmittedOn: String?
    public var acknowledgedOn: String?
    public var firstAdjudicatedOn: String?
    public var lastAdjudicatedOn: String?
    public var patientBilledOn: String?
    public var lastActivityOn = ""
    public var status = "draft"
    public var charges: Int64 = 0
    public var insurancePaid: Int64 = 0
    public var patientPaid: Int64 = 0
    public var adjustments: Int64 = 0
    public var writeOffs: Int64 = 0
    public var refunds: Int64 = 0
    public var patientResponsibility: Int64 = 0
    public var insuranceBalance: Int64 = 0
    public var patientBalance: Int64 = 0
    public var openDenials = 0
    public var denialCount = 0
    public var submissionCount = 0
    public var resubmissionCount = 0
    public var rejectionCount = 0
    public var scrubFailed = false
    public var firstAdjudicationCharges: Int64?
    public var firstAdjudicationPaid: Int64?
    public var firstAdjudicationDenied: Int64?
    public var firstPassDenied: Bool?
    public var sensitive = false
    public var lastPosition: Int64 = 0
    /// The claim's lines as `lineID=code` pairs, for the procedure codes of a denial (not a column).
    var lineCodes: [String: String] = [:]

    /// Total open balance.
    public var balance: Int64 { insuranceBalance + patientBalance }
    /// Whether a denial is open.
    public var denied: Bool { openDenials > 0 }

    /// A new row for a claim.
    public init(tenantID: String, claimID: String) {
        self.tenantID = tenantID
        self.claimID = claimID
    }

    /// The stored columns, in table order, for `INSERT … SELECT FROM unnest(…)`.
    static let columns: [(name: String, type: String)] = [
        ("tenant_id", "uuid"), ("claim_id", "text"), ("claim_number", "text"), ("patient_key", "text"),
        ("payer_id", "text"), ("payer_order", "text"), ("primary_payer_id", "text"), ("rendering_provider", "text"),
        ("service_date", "date"), ("service_date_last", "date"), ("created_on", "date"),
        ("first_submitted_on", "date"), ("payer_submitted_on", "date"), ("last_submitted_on", "date"),
        ("acknowledged_on", "date"), ("first_adjudicated_on", "date"), ("last_adjudicated_on", "date"),
        ("patient_billed_on", "date"), ("last_activity_on", "date"), ("status", "text"), ("charges", "bigint"),
        ("insurance_paid", "bigint"), ("patient_paid", "bigint"), ("adjustments", "bigint"), ("write_offs", "bigint"),
        ("refunds", "bigint"), ("patient_responsibility", "bigint"), ("insurance_balance", "bigint"),
        ("patient_balance", "bigint"), ("balance", "bigint"), ("open_denials", "integer"), ("denied", "boolean"),
        ("denial_count", "integer"), ("submission_count", "integer"), ("resubmission_count", "integer"),
        ("rejection_count", "integer"), ("scrub_failed", "boolean"), ("first_adjudication_charges", "bigint"),
        ("first_adjudication_paid", "bigint"), ("first_adjudication_denied", "bigint"),
        ("first_pass_denied", "boolean"), ("sensitive", "boolean"), ("last_position", "bigint"),
        ("line_codes", "text"),
    ]

    /// The values of `columns`, as text (nil for NULL).
    var values: [String?] {
        [
            tenantID, claimID, claimNumber, patientKey, payerID, payerOrder, primaryPayerID, renderingProvider,
            serviceDate, serviceDateLast, createdOn, firstSubmittedOn, payerSubmittedOn, lastSubmittedOn,
            acknowledgedOn, firstAdjudicatedOn, lastAdjudicatedOn, patientBilledOn, lastActivityOn, status,
            String(charges), String(insurancePaid), String(patientPaid), String(adjustments), String(writeOffs),
            String(refunds), String(patientResponsibility), String(insuranceBalance), String(patientBalance),
            String(balance), String(openDenials), String(denied), String(denialCount), String(submissionCount),
            String(resubmissionCount), String(rejectionCount), String(scrubFailed),
            firstAdjudicationCharges.map(String.init), firstAdjudicationPaid.map(String.init),
            firstAdjudicationDenied.map(String.init), firstPassDenied.map { String($0) }, String(sensitive),
            String(lastPosition), ClaimRow.encodeLineCodes(lineCodes),
        ]
    }

    static func encodeLineCodes(_ codes: [String: String]) -> String {
        codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func decodeLineCodes(_ text: String) -> [String: String] {
        var codes: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { codes[String(parts[0])] = String(parts[1]) }
        }
        return codes
    }
}

/// One row of `denials`.
public struct DenialRow: Sendable, Hashable {
    public var tenantID: String
    public var claimID: String
    public var denialID: String
    public var payerID = ""
    public var renderingProvider: String?
    public var procedureCodes = ""
    public var groupCode: String?
    public var carc: String?
    public var carcAll = ""
    public var rarc = ""
    public var amount: Int64 = 0
    public var owner: String?
    public var status = "open"
    public var outcome: String?
    public var openedOn = ""
    public var dueDate = ""
    public var appealedOn: String?
    public var resolvedOn: String?
    public var sensitive = false
    public var lastPosition: Int64 = 0

    /// A new row.
    public init(tenantID: String, claimID: String, denialID: String) {
        self.tenantID = tenantID
        self.claimID = claimID
        self.denialID = denialID
    }

    static let columns: [(name: String, type: String)] = [
        ("tenant_id", "uuid"), ("claim_id", "text"), ("denial_id", "text"), ("payer_id", "text"),
        ("rendering_provider", "text"), ("procedure_codes", "text"), ("group_code", "text"), ("carc", "text"),
        ("carc_all", "text"), ("rarc", "text"), ("amount", "bigint"), ("owner", "text"), ("status", "text"),
        ("outcome", "text"), ("opened_on", "date"), ("due_date", "date"), ("appealed_on", "date"),
        ("resolved_on", "date"), ("sensitive", "boolean"), ("last_position", "bigint"),
    ]

    var values: [String?] {
        [
            tenantID, claimID, denialID, payerID, renderingProvider, procedureCodes, groupCode, carc, carcAll, rarc,
            String(amount), owner, status, outcome, openedOn, dueDate, appealedOn, resolvedOn, String(sensitive),
            String(lastPosition),
        ]
    }
}

/// The key of an `ar_activity` row: tenant, business date of the movement, date of service.
public struct ActivityKey: Sendable, Hashable {
    public var tenantID: String
    public var activityDate: String
    public var serviceDate: String
}

/// Money movements of one `ar_activity` row (deltas while a batch is folded).
public struct ActivityAmounts: Sendable, Hashable {
    public var charges: Int64 = 0
    public var insurancePaid: Int64 = 0
    public var patientPaid: Int64 = 0
    public var refunds: Int64 = 0
    public var adjustments: Int64 = 0
    public var writeOffs: Int64 = 0

    static let columns = ["charges", "insurance_paid", "patient_paid", "refunds", "adjustments", "write_offs"]

    var values: [Int64] { [charges, insurancePaid, patientPaid, refunds, adjustments, writeOffs] }
}
