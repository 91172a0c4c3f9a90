/// The rows a batch of claim events touches, and the activity they add: the state the pure projection
/// folds events into. The runner loads the touched rows, folds, and writes the dirty ones back.
public struct ClaimsFold: Sendable {
    /// The practice whose rows these are (one tenant per fold), as PostgreSQL prints its `uuid`.
    public let tenantID: String
    /// Claim rows by claim id.
    public var claims: [String: ClaimRow] = [:]
    /// Denial rows by claim id, then denial id.
    public var denials: [String: [String: DenialRow]] = [:]
    /// Activity deltas to add.
    public var activity: [ActivityKey: ActivityAmounts] = [:]
    /// The claims' rows as loaded, before the batch (to take their open balances out of `ar_open`).
    public var loaded: [String: ClaimRow] = [:]
    /// Claims changed by the fold.
    public var dirtyClaims: Set<String> = []
    /// Denials changed by the fold, as (claim id, denial id).
    public var dirtyDenials: Set<DenialKey> = []

    /// Makes an empty fold for a tenant.
    public init(tenantID: String) { self.tenantID = tenantID }

    /// A denial's key within a tenant.
    public struct DenialKey: Sendable, Hashable {
        /// The claim.
        public var claimID: String
        /// The denial.
        public var denialID: String
    }

    /// The changes to `ar_open` that take the loaded rows' open balances out and put the new ones in.
    public func openBalanceChanges() -> [OpenKey: OpenAmounts] {
        var changes: [OpenKey: OpenAmounts] = [:]
        func add(_ row: ClaimRow, _ sign: Int64) {
            for (side, amount) in [("insurance", row.insuranceBalance), ("patient", row.patientBalance)] where amount != 0 {
                let key = OpenKey(
                    tenantID: row.tenantID, side: side, payerID: row.payerID, provider: row.renderingProvider ?? "",
                    serviceDate: row.serviceDate)
                changes[key, default: OpenAmounts()].open += sign * max(amount, 0)
                changes[key, default: OpenAmounts()].credit += sign * min(amount, 0)
                changes[key, default: OpenAmounts()].claims += sign
            }
        }
        for id in dirtyClaims {
            if let before = loaded[id] { add(before, -1) }
            if let after = claims[id] { add(after, 1) }
        }
        return changes.filter { $0.value != OpenAmounts() }
    }

    /// The key of an `ar_open` row.
    public struct OpenKey: Sendable, Hashable {
        /// The practice.
        public var tenantID: String
        /// `insurance` or `patient`.
        public var side: String
        /// The payer responsible.
        public var payerID: String
        /// The rendering provider (empty when none).
        public var provider: String
        /// The first date of service.
        public var serviceDate: String
    }

    /// The sums of an `ar_open` row.
    public struct OpenAmounts: Sendable, Hashable {
        /// Positive balances, cents.
        public var open: Int64 = 0
        /// Negative balances (credits), cents.
        public var credit: Int64 = 0
        /// Claims with a balance on that side.
        public var claims: Int64 = 0
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
