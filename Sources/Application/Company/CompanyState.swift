import Billing
import EventStore
import Foundation

/// The company tenant's log folded: practices, payers, staff, assignments, submitter.
public struct CompanyState: Sendable {
    /// Practices by tenant id.
    public var practices: [String: PracticeProfile] = [:]
    /// Payers by our id, each as its latest change has it.
    public var payers: [String: PayerProfile] = [:]
    /// Each payer's identities over time, oldest first: the profile as added, then each update with its date.
    public var payerHistory: [String: [PayerVersion]] = [:]
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
        case .payerAdded(let payer):
            payers[payer.payerID] = payer
            payerHistory[payer.payerID] = [PayerVersion(effectiveFrom: nil, profile: payer)]
        case .payerUpdated(let update): applyPayerUpdate(update)
        case .staffAdded(let added): staff[added.login] = added.group
        case .staffAssigned(let assigned): assignments[assigned.login, default: []].insert(assigned.tenantID)
        case .submitterConfigured(let submitter): self.submitter = submitter
        }
    }

    /// A payer's identity as of a business date (the latest version effective on or before it).
    public func payer(_ payerID: String, on date: LocalDate) -> PayerProfile? {
        guard let versions = payerHistory[payerID] else { return nil }
        return versions.last { version in version.effectiveFrom.map { $0 <= date } ?? true }?.profile ?? versions.first?.profile
    }

    /// The catalog payers known by any of `identifiers` in any of their versions (X12 payer ids and aliases,
    /// compared without case), by our id.
    public func payers(answeringTo identifiers: [String]) -> [PayerProfile] {
        let wanted = Set(identifiers.map { $0.uppercased() }.filter { !$0.isEmpty })
        return payerHistory.keys.sorted().compactMap { id in
            let known = payerHistory[id]!.flatMap { $0.profile.identifiers.map { $0.uppercased() } }
            return known.contains(where: wanted.contains) ? payers[id] : nil
        }
    }

    /// The payer, other than `payerID`, that any version of the catalog knows by `identifier`.
    public func owner(of identifier: String, except payerID: String) -> String? {
        payerHistory.keys.sorted().first { id in
            id != payerID && payerHistory[id]!.contains { $0.profile.identifiers.contains { $0.uppercased() == identifier.uppercased() } }
        }
    }

    static let beforeAnyDate = LocalDate(year: 1, month: 1, day: 1)!

    mutating func applyPayerUpdate(_ update: PayerUpdated) {
        guard var profile = payers[update.payerID] else { return }
        profile.name = update.name
        profile.x12PayerID = update.x12PayerID
        profile.aliases = update.aliases
        var versions = payerHistory[update.payerID, default: []]
        versions.append(PayerVersion(effectiveFrom: update.effectiveFrom, profile: profile))
        versions.sort { ($0.effectiveFrom ?? Self.beforeAnyDate) < ($1.effectiveFrom ?? Self.beforeAnyDate) }
        payerHistory[update.payerID] = versions
        payers[update.payerID] = versions.last!.profile
    }

    /// Loads the company tenant's stream.
    public static func load(company: TenantID, in tx: any StoreTransaction) throws -> CompanyState {
        var state = CompanyState()
        let codec = EventCodec()
        var from: Int64 = 1
        while true {
            let events = try tx.log.readStream(tenant: company, stream: CompanyEvent.streamID, from: from, limit: 5000)
            for recorded in events {
                // A type this version does not know is skipped, as before.
                if CompanyEvent.eventTypes.contains(recorded.eventType) {
                    let event = try codec.decode(
                        CompanyEvent.self, recorded.eventType, recorded.schemaVersion, recorded.payload)
                    state.apply(event)
                }
                state.version = recorded.streamVersion
            }
            if events.count < 5000 { return state }
            from = state.version + 1
        }
    }
}

/// One version of a payer's identity: from a date on (nil: since it was added).
public struct PayerVersion: Sendable, Equatable {
    /// The first business date it applies to; nil for the profile as added.
    public var effectiveFrom: LocalDate?
    /// The name, ids and aliases from then on.
    public var profile: PayerProfile
}
