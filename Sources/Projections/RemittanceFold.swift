/// The payments a batch touches: received in it, or loaded for its later events.
public struct RemittanceFold: Sendable {
    /// The practice.
    public let tenantID: String
    /// Payments by stream id.
    public var payments: [String: PaymentRow] = [:]
    /// Payments changed by the fold.
    public var dirty: Set<String> = []

    /// An empty fold for a tenant.
    public init(tenantID: String) { self.tenantID = tenantID }
}
