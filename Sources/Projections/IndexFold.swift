/// The index rows a batch touches: claims and accounts are only ever added; sessions are loaded when a
/// correction or void of an earlier batch's session arrives.
public struct IndexFold: Sendable {
    /// The practice.
    public let tenantID: String
    /// Claims created in the batch, by claim id.
    public var claims: [String: ClaimIndexRow] = [:]
    /// Accounts opened in the batch, by patient key.
    public var accounts: [String: AccountIndexRow] = [:]
    /// Sessions logged in the batch or loaded for it, by session id.
    public var sessions: [String: SessionIndexRow] = [:]
    /// Sessions changed by the fold.
    public var dirtySessions: Set<String> = []

    /// An empty fold for a tenant.
    public init(tenantID: String) { self.tenantID = tenantID }

    mutating func updateSession(_ id: String, _ change: (inout SessionIndexRow) -> Void) {
        guard var row = sessions[id] else { return }
        change(&row)
        sessions[id] = row
        dirtySessions.insert(id)
    }
}
