/// What the aging report reads of a claim on a business date: its balance on each side, the payer and provider
/// it is grouped by, and the dates each anchor ages it from. `ClaimRow` holds the same fields as of now.
public struct AgingState: Sendable, Hashable {
    /// The payer currently responsible.
    public var payerID = ""
    /// Rendering provider of the first line (empty when none).
    public var renderingProvider = ""
    /// First date of service.
    public var serviceDate = ""
    /// Business date of creation.
    public var createdOn = ""
    /// First submission to the current payer.
    public var payerSubmittedOn: String?
    /// When a balance last moved to the patient from zero.
    public var patientBilledOn: String?
    /// Latest business date of any event applied.
    public var lastActivityOn = ""
    /// Owed by payers, cents.
    public var insuranceBalance: Int64 = 0
    /// Owed by the patient, cents.
    public var patientBalance: Int64 = 0

    /// An empty state.
    public init() {}
}

/// One row of `aging_history`: a claim's aging state over a range of business dates, `validFrom` up to (not
/// including) `validUntil` (nil: open-ended), as a replay of the events effective on or before each date of the
/// range would leave it. Dates are `YYYY-MM-DD` text.
public struct AgingHistoryRow: Sendable, Hashable {
    /// The practice (`tenant_id`).
    public var tenantID: String
    /// The claim id.
    public var claimID: String
    /// The first business date the state holds on.
    public var validFrom: String
    /// The first business date it no longer holds on; nil while it still holds.
    public var validUntil: String?
    /// The state.
    public var state: AgingState

    /// A row.
    public init(tenantID: String, claimID: String, validFrom: String, validUntil: String?, state: AgingState) {
        self.tenantID = tenantID
        self.claimID = claimID
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.state = state
    }

    /// Whether the range holds `date`.
    func holds(_ date: String) -> Bool { validFrom <= date && validUntil.map { date < $0 } ?? true }

    /// The stored columns, in table order. An open-ended range is stored as `infinity` so that one index
    /// answers `valid_until > D` for every row.
    static let columns: [(name: String, type: String)] = [
        ("tenant_id", "uuid"), ("claim_id", "text"), ("valid_from", "date"), ("valid_until", "date"), ("payer_id", "text"),
        ("rendering_provider", "text"), ("service_date", "date"), ("created_on", "date"), ("payer_submitted_on", "date"),
        ("patient_billed_on", "date"), ("last_activity_on", "date"), ("insurance_balance", "bigint"),
        ("patient_balance", "bigint"),
    ]

    /// `valid_until` of a range that still holds.
    static let openEnded = "infinity"

    /// The values of `columns`, as text (nil for NULL).
    var values: [String?] {
        [
            tenantID, claimID, validFrom, validUntil ?? Self.openEnded, state.payerID, state.renderingProvider, state.serviceDate,
            state.createdOn, state.payerSubmittedOn, state.patientBilledOn, state.lastActivityOn, String(state.insuranceBalance),
            String(state.patientBalance),
        ]
    }
}
