/// One payment's reconciliation, folded from its stream (`remit-<payer>-<trace>`): what the payer said it paid
/// (BPR02), what posted to claims, the provider-level adjustments, and each unapplied item with what became of
/// it. The identity a person checks a deposit with is BPR02 = Σ claim payments − Σ PLB, where the claim
/// payments are those posted and those kept unapplied.
public struct RemittanceLedger: Sendable, Equatable {
    /// The payment as received.
    public var received: RemittanceEvent.Received?
    /// The PLB items, in file order.
    public var providerAdjustments: [RemittanceEvent.ProviderAdjustment] = []
    /// The unapplied items, in file order.
    public var items: [Item] = []
    /// The stream's last version.
    public var version: Int64 = 0

    /// An unapplied item and its state.
    public struct Item: Sendable, Equatable {
        /// `U1`… (for items kept before ids existed, `U` and their order).
        public var itemID: String
        /// The entry as kept.
        public var entry: RemittanceEvent.Unapplied
        /// Open, held, applied or refunded.
        public var state: ItemState
        /// The hold's reason, the claim it was applied to, or the refund's reference.
        public var note: String?
    }

    /// What became of an unapplied item.
    public enum ItemState: String, Sendable, Equatable, Codable, CaseIterable {
        /// Waiting for a person.
        case open
        /// Set aside while someone finds out.
        case held
        /// Posted to a claim a person named.
        case applied
        /// Returned to the payer.
        case refunded
    }

    /// Where a payment stands.
    public enum State: String, Sendable, Equatable, Codable {
        /// Everything applied (or refunded): nothing left to work.
        case reconciled
        /// Money waiting on a person.
        case unapplied
        /// Only held items are left.
        case held
    }

    /// An empty ledger.
    public init() {}

    /// Applies one event of the payment's stream.
    public mutating func apply(_ event: RemittanceEvent) {
        switch event {
        case .received(let received): self.received = received
        case .providerAdjustment(let adjustment): providerAdjustments.append(adjustment)
        case .unapplied(let entry):
            items.append(Item(itemID: entry.itemID ?? "U\(items.count + 1)", entry: entry, state: .open, note: nil))
        case .itemApplied(let applied): update(applied.itemID, .applied, note: applied.claimNumber.description)
        case .itemHeld(let held): update(held.itemID, .held, note: held.reason)
        case .itemReleased(let released): update(released.itemID, .open, note: nil)
        case .itemRefunded(let refunded): update(refunded.itemID, .refunded, note: refunded.reference)
        }
    }

    private mutating func update(_ itemID: String, _ state: ItemState, note: String?) {
        guard let index = items.firstIndex(where: { $0.itemID == itemID }) else { return }
        items[index].state = state
        items[index].note = note
    }

    /// The item with this id.
    public func item(_ itemID: String) -> Item? { items.first { $0.itemID == itemID } }

    /// BPR02 with its sign.
    public var statedAmount: Money { received?.amount ?? .zero }
    /// Σ CLP04 posted to claims.
    public var postedToClaims: Money { (received?.postedClaims ?? []).map(\.paid).sum() }
    /// Σ paid of the items kept unapplied (whole claim payments and lines).
    public var keptUnapplied: Money { items.map(\.entry.paid).sum() }
    /// Σ claim payments, posted and unapplied.
    public var claimPayments: Money { postedToClaims + keptUnapplied }
    /// Σ PLB (positive reduces the payment).
    public var providerAdjustmentTotal: Money { received?.providerAdjustmentTotal ?? providerAdjustments.map(\.amount).sum() }
    /// Σ claim payments − Σ PLB: what BPR02 should be.
    public var computedAmount: Money { claimPayments - providerAdjustmentTotal }
    /// Whether BPR02 = Σ claim payments − Σ PLB.
    public var reconciles: Bool { statedAmount == computedAmount }
    /// Money in items still open.
    public var openAmount: Money { items.filter { $0.state == .open }.map(\.entry.paid).sum() }
    /// Money in items held.
    public var heldAmount: Money { items.filter { $0.state == .held }.map(\.entry.paid).sum() }
    /// Money in items refunded to the payer.
    public var refundedAmount: Money { items.filter { $0.state == .refunded }.map(\.entry.paid).sum() }

    /// Where the payment stands.
    public var state: State {
        if items.contains(where: { $0.state == .open }) { return .unapplied }
        if items.contains(where: { $0.state == .held }) { return .held }
        return .reconciled
    }
}
