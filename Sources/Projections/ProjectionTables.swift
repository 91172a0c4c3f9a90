/// Where the projection writes: the live tables, the rebuild's tables beside them, or a session's temporary
/// tables for an as-of replay. Names are fixed identifiers chosen here, never user input.
public struct ProjectionTables: Sendable, Hashable {
    /// `claim_status`.
    public let claimStatus: String
    /// `denials`.
    public let denials: String
    /// `ar_activity`.
    public let activity: String
    /// `ar_open`.
    public let open: String
    /// `claim_index`: each claim's patient and primary payer, in creation order.
    public let claimIndex: String
    /// `session_index`: each session's patient and date of service, as last corrected.
    public let sessionIndex: String
    /// `account_index`: the patients with an account, in opening order.
    public let accountIndex: String
    /// `remittances`: one row per posted payment.
    public let remittances: String
    /// `remittance_plb`: one row per provider-level adjustment.
    public let remittancePLB: String
    /// `remittance_unapplied`: one row per unapplied item.
    public let remittanceUnapplied: String
    /// `ar_open_rollup`: `ar_open` by aging anchor over blocks of anchor dates, the live reports' source; nil in an
    /// as-of replay, whose reports scan its own `ar_open` and `claim_status` (decision 0304).
    public let openRollup: String?
    /// `aging_history`: each claim's aging state by business date (aging as of a date).
    public let agingHistory: String
    /// The checkpoint consumer that goes with these tables (nil: no checkpoint, as in an as-of replay).
    public let consumer: String?

    /// Every table's base name, in the order the rebuild switches them (the SQL functions list the same).
    public static let baseNames = [
        "claim_status", "denials", "ar_activity", "ar_open", "claim_index", "session_index", "account_index",
        "remittances", "remittance_plb", "remittance_unapplied", "ar_open_rollup", "aging_history",
    ]

    /// The tables an as-of replay makes in its session: all but the rollup.
    static let replayedBaseNames = baseNames.filter { $0 != "ar_open_rollup" }

    private init(_ name: (String) -> String, consumer: String?, rollup: Bool = true) {
        claimStatus = name("claim_status")
        denials = name("denials")
        activity = name("ar_activity")
        open = name("ar_open")
        claimIndex = name("claim_index")
        sessionIndex = name("session_index")
        accountIndex = name("account_index")
        remittances = name("remittances")
        remittancePLB = name("remittance_plb")
        remittanceUnapplied = name("remittance_unapplied")
        openRollup = rollup ? name("ar_open_rollup") : nil
        agingHistory = name("aging_history")
        self.consumer = consumer
    }

    /// The live tables, followed by the runner.
    public static let live = ProjectionTables({ "rcm_analytics_store.\($0)" }, consumer: ClaimsProjection.name)

    /// The tables a rebuild fills beside the live ones.
    public static let rebuild = ProjectionTables(
        { "rcm_analytics_store.\($0)_rebuild" }, consumer: ClaimsProjection.name + ".rebuild")

    /// A session's temporary tables for an as-of replay (dropped at commit).
    public static let temporary = ProjectionTables({ "pg_temp.\($0)_asof" }, consumer: nil, rollup: false)

    /// What reports and the read models read for the live state: the analyst views.
    public static let analystViews = ProjectionTables({ "rcm_analytics.\($0)" }, consumer: nil)
}
