/// Where the claims projection writes: the live tables, the rebuild's tables beside them, or a session's
/// temporary tables for an as-of replay. Names are fixed identifiers chosen here, never user input.
public struct ProjectionTables: Sendable, Hashable {
    /// `claim_status`.
    public let claimStatus: String
    /// `denials`.
    public let denials: String
    /// `ar_activity`.
    public let activity: String
    /// `ar_open`.
    public let open: String
    /// The checkpoint consumer that goes with these tables (nil: no checkpoint, as in an as-of replay).
    public let consumer: String?

    /// The live tables, followed by the runner.
    public static let live = ProjectionTables(
        claimStatus: "rcm_analytics_store.claim_status", denials: "rcm_analytics_store.denials",
        activity: "rcm_analytics_store.ar_activity", open: "rcm_analytics_store.ar_open", consumer: ClaimsProjection.name)

    /// The tables a rebuild fills beside the live ones.
    public static let rebuild = ProjectionTables(
        claimStatus: "rcm_analytics_store.claim_status_rebuild", denials: "rcm_analytics_store.denials_rebuild",
        activity: "rcm_analytics_store.ar_activity_rebuild",
        open: "rcm_analytics_store.ar_open_rebuild", consumer: ClaimsProjection.name + ".rebuild")

    /// A session's temporary tables for an as-of replay (dropped at commit).
    public static let temporary = ProjectionTables(
        claimStatus: "pg_temp.claim_status_asof", denials: "pg_temp.denials_asof", activity: "pg_temp.ar_activity_asof",
        open: "pg_temp.ar_open_asof", consumer: nil)

    /// What reports read for the live state: the analyst views.
    public static let analystViews = ProjectionTables(
        claimStatus: "rcm_analytics.claim_status", denials: "rcm_analytics.denials",
        activity: "rcm_analytics.ar_activity", open: "rcm_analytics.ar_open", consumer: nil)
}
