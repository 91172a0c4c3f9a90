/// A PLB segment: provider-level adjustments that move cash without touching a claim balance.
public struct ProviderAdjustment: Sendable, Hashable, Codable {
    /// PLB01: provider identifier.
    public var providerID: String
    /// PLB02: last day of the provider's fiscal period.
    public var fiscalPeriodDate: X12Date
    /// Up to six reason/reference/amount entries.
    public var items: [Item]
    /// The segment number of the PLB (0 for values built in memory).
    public var segmentNumber: Int

    /// A PLB.
    public init(providerID: String, fiscalPeriodDate: X12Date, items: [Item], segmentNumber: Int = 0) {
        self.providerID = providerID
        self.fiscalPeriodDate = fiscalPeriodDate
        self.items = items
        self.segmentNumber = segmentNumber
    }

    /// One adjustment: `WO:ICN123` and `150.00`.
    public struct Item: Sendable, Hashable, Codable {
        /// The reason: `WO` overpayment recovery, `L6` interest, `FB` forwarding balance, `CV`, `72`, `90`…
        public var reason: String
        /// The reference (often the payer claim number a recoupment applies to).
        public var reference: String?
        /// Positive reduces the payment, negative increases it.
        public var amount: X12Amount

        /// An item.
        public init(reason: String, reference: String? = nil, amount: X12Amount) {
            self.reason = reason
            self.reference = reference
            self.amount = amount
        }
    }

    /// The sum of the items.
    public var total: X12Amount { items.map(\.amount).sum() }
}
