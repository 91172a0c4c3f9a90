/// What a provider-level adjustment (PLB item) is; stored as its raw value.
public enum ProviderAdjustmentKind: String, Sendable, Hashable, Codable {
    /// L6 interest, CT capitation interest (negative: increases the payment).
    case interest
    /// WO overpayment recovery, WU unspecified recovery (positive: reduces the payment).
    case recoupment
    /// FB forwarding balance.
    case forwardingBalance
    /// Any other reason (72, 90, CS, J1, L3, IR…).
    case other
}
