/// The `aging_history` rows a batch touches: every range of each claim the batch creates or changes, in date
/// order, and which of them to write back.
public struct AgingHistoryFold: Sendable {
    /// The practice whose rows these are, as PostgreSQL prints its `uuid`.
    public let tenantID: String
    /// Each claim's ranges, ordered by `validFrom`; consecutive, the last one open-ended.
    public var claims: [String: [AgingHistoryRow]] = [:]
    /// Ranges changed by the fold.
    public var dirty: Set<RowKey> = []

    /// An empty fold for a tenant.
    public init(tenantID: String) { self.tenantID = tenantID }

    /// A range's key within a tenant.
    public struct RowKey: Sendable, Hashable, Comparable {
        /// The claim.
        public var claimID: String
        /// The first date of the range.
        public var validFrom: String

        /// Claim, then date.
        public static func < (a: RowKey, b: RowKey) -> Bool { (a.claimID, a.validFrom) < (b.claimID, b.validFrom) }
    }

    /// The rows to write, in key order.
    var dirtyRows: [AgingHistoryRow] {
        dirty.sorted().compactMap { key in claims[key.claimID]?.first { $0.validFrom == key.validFrom } }
    }
}
