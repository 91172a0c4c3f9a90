import Billing
import EventStore
import Foundation

/// One change of who may do what, as `rcm audit access-changes` lists it.
public struct AccessChange: Sendable, Equatable {
    /// When it was recorded.
    public var recordedAt: Date
    /// The login that made the change.
    public var actor: String
    /// The event type (`company.staff_assigned`, `identity.access_revoked`…).
    public var eventType: String
    /// Whose access changed (a login or an API key's role), or `company` for the policy.
    public var subject: String
    /// What changed, in a few words.
    public var detail: String
}

extension RevenueCycle {
    /// The event types that change who may do what: people and groups, practice assignments, passwords,
    /// second factors and their policy, API keys, revocations. All are ordinary company events.
    public static let accessChangeTypes = [
        "company.staff_added", "company.staff_assigned", "identity.password_set", "identity.api_key_created",
        "identity.api_key_revoked", "identity.factor_enrolled", "identity.factors_reset", "identity.second_factor_policy_set",
        "identity.access_revoked", "identity.factor_removed", "identity.session_policy_set",
    ]

    /// Access changes recorded since the start of `since` (UTC), oldest first.
    public func accessChanges(since: LocalDate?) async throws -> [AccessChange] {
        try await backend.transaction { tx in
            let tenants = try Self.resolve(nil, in: tx)
            let slugs = Dictionary(uniqueKeysWithValues: tenants.map { ($0.id.description, $0.slug) })
            let events = try tx.log.events(
                ofTypes: Self.accessChangeTypes, tenants: tenants.filter { $0.kind == .company }.map(\.id), login: nil,
                recordedSince: since.map(Self.midnightUTC))
            return try events.sorted { $0.position < $1.position }.map { event in
                let (subject, detail) = try Self.describe(event, slugs: slugs)
                return AccessChange(recordedAt: event.recordedAt, actor: event.dbUser, eventType: event.eventType, subject: subject, detail: detail)
            }
        }
    }

    static func describe(_ event: RecordedEvent, slugs: [String: String]) throws -> (String, String) {
        let decoded = try EventCodec().decode(eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload)
        switch decoded {
        case .company(.staffAdded(let p)): return (p.login, "added to \(p.group)")
        case .company(.staffAssigned(let p)): return (p.login, "assigned to \(slugs[p.tenantID.lowercased()] ?? p.tenantID)")
        case .identity(.passwordSet(let p)): return (p.login, "server password set; sessions ended")
        case .identity(.apiKeyCreated(let p)):
            let practices = p.tenantIDs.map { slugs[$0.uuidString.lowercased()] ?? $0.uuidString.lowercased() }
            return (p.role, "API key \(p.keyID) created: \(p.actions.joined(separator: " ")) in \(practices.joined(separator: " "))")
        case .identity(.apiKeyRevoked(let p)): return ("rcm_key_\(p.keyID)", "API key \(p.keyID) revoked")
        case .identity(.factorEnrolled(let p)): return (p.login, "second factor enrolled: \(p.factor)")
        case .identity(.factorRemoved(let p)): return (p.login, "second factor removed: \(p.factor)")
        case .identity(.factorsReset(let p)): return (p.login, "second factors reset; sessions ended")
        case .identity(.secondFactorPolicySet(let p)): return ("company", "second factor required for \(p.requiredFor)")
        case .identity(.accessRevoked(let p)): return (p.login, "server access revoked; \(p.sessionsEnded) session(s) ended")
        case .identity(.sessionPolicySet(let p)): return ("company", "sessions end after \(p.idleSeconds) s idle")
        default: return ("", event.eventType)
        }
    }
}
