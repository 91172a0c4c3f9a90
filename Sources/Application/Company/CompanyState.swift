import EventStore
import Foundation

/// The company tenant's log folded: practices, payers, staff, assignments, submitter.
public struct CompanyState: Sendable {
    /// Practices by tenant id.
    public var practices: [String: PracticeProfile] = [:]
    /// Payers by our id.
    public var payers: [String: PayerProfile] = [:]
    /// Logins and their group.
    public var staff: [String: String] = [:]
    /// Tenant ids each login is assigned to.
    public var assignments: [String: Set<String>] = [:]
    /// The submitter identity, once configured.
    public var submitter: SubmitterProfile?
    /// The company log's last version.
    public var version: Int64 = 0

    /// Applies one event.
    public mutating func apply(_ event: CompanyEvent) {
        switch event {
        case .practiceOnboarded(let profile): practices[profile.tenantID] = profile
        case .practiceOffboarded: break
        case .payerAdded(let payer): payers[payer.payerID] = payer
        case .staffAdded(let login, let group): staff[login] = group
        case .staffAssigned(let login, let tenantID): assignments[login, default: []].insert(tenantID)
        case .submitterConfigured(let submitter): self.submitter = submitter
        }
    }

    /// Loads the company tenant's stream.
    public static func load(company: TenantID, in tx: any StoreTransaction) throws -> CompanyState {
        var state = CompanyState()
        var from: Int64 = 1
        while true {
            let events = try tx.log.readStream(tenant: company, stream: CompanyEvent.streamID, from: from, limit: 5000)
            for recorded in events {
                if let event = try CompanyEvent.decode(eventType: recorded.eventType, payload: recorded.payload) { state.apply(event) }
                state.version = recorded.streamVersion
            }
            if events.count < 5000 { return state }
            from = state.version + 1
        }
    }
}
