import Billing

/// One row of `claim_status`: a claim's payer, provider, dates, state and money, in cents.
/// Dates are business dates as `YYYY-MM-DD` text (they compare correctly as text).
public struct ClaimRow: Sendable, Hashable {
    /// The practice (`tenant_id`).
    public var tenantID: String
    /// The claim id (`claim_id`).
    public var claimID: String
    /// CLM01 (`claim_number`).
    public var claimNumber = ""
    /// The pseudonymous patient key.
    public var patientKey = ""
    /// The payer currently responsible.
    public var payerID = ""
    /// `primary`, `secondary` or `tertiary`.
    public var payerOrder = PayerOrder.primary
    /// The payer the claim was created for.
    public var primaryPayerID = ""
    /// Rendering provider of the first line.
    public var renderingProvider: String?
    /// First date of service.
    public var serviceDate = ""
    /// Last date of service.
    public var serviceDateLast = ""
    /// Business date of creation.
    public var createdOn = ""
    /// First submission to any payer.
    public var firstSubmittedOn: String?
    /// First submission to the current payer.
    public var payerSubmittedOn: String?
    /// Latest submission.
    public var lastSubmittedOn: String?
    /// First acceptance (277CA).
    public var acknowledgedOn: String?
    /// First 835 posting.
    public var firstAdjudicatedOn: String?
    /// Latest 835 posting.
    public var lastAdjudicatedOn: String?
    /// When a balance last moved to the patient from zero.
    public var patientBilledOn: String?
    /// Latest business date of any event.
    public var lastActivityOn = ""
    /// The claim status (stored as in docs/projections.md: `awaiting_next_payer` for `awaitingNextPayer`).
    public var status = Claim.Status.draft
    /// Charges, cents.
    public var charges: Int64 = 0
    /// Payer payments, cents.
    public var insurancePaid: Int64 = 0
    /// Patient payments, cents.
    public var patientPaid: Int64 = 0
    /// Payer adjustments posted, cents.
    public var adjustments: Int64 = 0
    /// Write-offs, cents.
    public var writeOffs: Int64 = 0
    /// Patient refunds, cents.
    public var refunds: Int64 = 0
    /// PR moved to the patient, cents.
    public var patientResponsibility: Int64 = 0
    /// Owed by payers, cents.
    public var insuranceBalance: Int64 = 0
    /// Owed by the patient, cents.
    public var patientBalance: Int64 = 0
    /// Denials not resolved.
    public var openDenials = 0
    /// Denials ever opened.
    public var denialCount = 0
    /// Submissions, all payers.
    public var submissionCount = 0
    /// Submissions to a payer that already had the claim.
    public var resubmissionCount = 0
    /// Front-end rejections.
    public var rejectionCount = 0
    /// A scrub failed before the first submission.
    public var scrubFailed = false
    /// The last scrub found errors, and no correction came after it (the console's "failing the scrubber" queue).
    public var lastScrubFailed = false
    /// Charges of the first adjudication's lines, cents.
    public var firstAdjudicationCharges: Int64?
    /// Paid at the first adjudication, cents.
    public var firstAdjudicationPaid: Int64?
    /// Denied at the first adjudication, cents.
    public var firstAdjudicationDenied: Int64?
    /// The first adjudication denied something.
    public var firstPassDenied: Bool?
    /// Accepted on first submission with no scrubber error, rejection, resubmission or denial (null before it).
    public var cleanClaim: Bool?
    /// Paid at the first adjudication with no rejection, resubmission or denial before (null before it).
    public var firstPassPaid: Bool?
    /// 42 CFR Part 2 record.
    public var sensitive = false
    /// Log position of the last event applied.
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
        ("first_pass_denied", "boolean"), ("clean_claim", "boolean"), ("first_pass_paid", "boolean"),
        ("sensitive", "boolean"), ("last_position", "bigint"),
        ("line_codes", "text"), ("last_scrub_failed", "boolean"),
    ]

    /// The values of `columns`, as text (nil for NULL).
    var values: [String?] {
        [
            tenantID, claimID, claimNumber, patientKey, payerID, payerOrder.rawValue, primaryPayerID, renderingProvider,
            serviceDate, serviceDateLast, createdOn, firstSubmittedOn, payerSubmittedOn, lastSubmittedOn,
            acknowledgedOn, firstAdjudicatedOn, lastAdjudicatedOn, patientBilledOn, lastActivityOn, status.columnText,
            String(charges), String(insurancePaid), String(patientPaid), String(adjustments), String(writeOffs),
            String(refunds), String(patientResponsibility), String(insuranceBalance), String(patientBalance),
            String(balance), String(openDenials), String(denied), String(denialCount), String(submissionCount),
            String(resubmissionCount), String(rejectionCount), String(scrubFailed),
            firstAdjudicationCharges.map(String.init), firstAdjudicationPaid.map(String.init),
            firstAdjudicationDenied.map(String.init), firstPassDenied.map { String($0) },
            cleanClaim.map { String($0) }, firstPassPaid.map { String($0) }, String(sensitive),
            String(lastPosition), ClaimRow.encodeLineCodes(lineCodes), String(lastScrubFailed),
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
    /// The practice (`tenant_id`).
    public var tenantID: String
    /// The claim id (`claim_id`).
    public var claimID: String
    /// The denial id.
    public var denialID: String
    /// The payer currently responsible.
    public var payerID = ""
    /// Rendering provider of the first line.
    public var renderingProvider: String?
    /// Procedure codes of the denied lines.
    public var procedureCodes = ""
    /// Group code of the first reason.
    public var groupCode: String?
    /// CARC of the first reason.
    public var carc: String?
    /// Every reason as `GROUP-CARC`.
    public var carcAll = ""
    /// Remark codes.
    public var rarc = ""
    /// Denied amount, cents.
    public var amount: Int64 = 0
    /// Staff user working it.
    public var owner: String?
    /// `open`, `assigned`, `appealed` or `resolved`.
    public var status = DenialStatus.open
    /// How it ended (or `appealed` while in appeal).
    public var outcome: DenialOutcome?
    /// When it was opened.
    public var openedOn = ""
    /// Appeal deadline.
    public var dueDate = ""
    /// When appealed.
    public var appealedOn: String?
    /// When resolved.
    public var resolvedOn: String?
    /// 42 CFR Part 2 record.
    public var sensitive = false
    /// Log position of the last event applied.
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
            String(amount), owner, status.rawValue, outcome?.rawValue, openedOn, dueDate, appealedOn, resolvedOn, String(sensitive),
            String(lastPosition),
        ]
    }
}

/// The key of an `ar_activity` row: tenant, business date of the movement, date of service.
public struct ActivityKey: Sendable, Hashable {
    /// The practice (`tenant_id`).
    public var tenantID: String
    /// Business date of the movements.
    public var activityDate: String
    /// First date of service.
    public var serviceDate: String
}

/// Money movements of one `ar_activity` row (deltas while a batch is folded).
public struct ActivityAmounts: Sendable, Hashable {
    /// Charges, cents.
    public var charges: Int64 = 0
    /// Payer payments, cents.
    public var insurancePaid: Int64 = 0
    /// Patient payments, cents.
    public var patientPaid: Int64 = 0
    /// Patient refunds, cents.
    public var refunds: Int64 = 0
    /// Payer adjustments posted, cents.
    public var adjustments: Int64 = 0
    /// Write-offs, cents.
    public var writeOffs: Int64 = 0

    static let columns = ["charges", "insurance_paid", "patient_paid", "refunds", "adjustments", "write_offs"]

    var values: [Int64] { [charges, insurancePaid, patientPaid, refunds, adjustments, writeOffs] }
}
