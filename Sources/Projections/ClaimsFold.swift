/// The rows a batch of claim events touches, and the activity they add: the state the pure projection
/// folds events into. The runner loads the touched rows, folds, and writes the dirty ones back.
public struct ClaimsFold: Sendable {
    /// Claim rows by claim id (one tenant per fold).
    public var claims: [String: ClaimRow] = [:]
    /// Denial rows by claim id, then denial id.
    public var denials: [String: [String: DenialRow]] = [:]
    /// Activity deltas to add.
    public var activity: [ActivityKey: ActivityAmounts] = [:]
    /// Claims changed by the fold.
    public var dirtyClaims: Set<String> = []
    /// Denials changed by the fold, as (claim id, denial id).
    public var dirtyDenials: Set<DenialKey> = []

    /// Makes an empty fold.
    public init() {}

    /// A denial's key within a tenant.
    public struct DenialKey: Sendable, Hashable {
        /// The claim.
        public var claimID: String
        /// The denial.
        public var denialID: String
    }

    mutating func addActivity(_ row: ClaimRow, on date: String, _ change: (inout ActivityAmounts) -> Void) {
        let key = ActivityKey(tenantID: row.tenantID, activityDate: date, serviceDate: row.serviceDate)
        change(&activity[key, default: ActivityAmounts()])
    }

    mutating func updateDenial(_ claimID: String, _ denialID: String, _ change: (inout DenialRow) -> Void) {
        guard var row = denials[claimID]?[denialID] else { return }
        change(&row)
        denials[claimID]![denialID] = row
        dirtyDenials.insert(DenialKey(claimID: claimID, denialID: denialID))
    }
}
