import Billing
import EventStore
import Foundation
import Projections

/// What the console's work queues read: claims by status from the analyst table, and a few claims' states.
extension RevenueCycle {
    /// A practice's claims in these statuses, oldest service first, at most `limit` (only those with `claimNumbers` when given).
    public func queueClaims(
        tenant: String, statuses: [Claim.Status], claimNumbers: [String]? = nil, lastScrubFailed: Bool? = nil, limit: Int = 200
    ) async throws -> [WorkQueueClaims.Row] {
        try await postgres.run { session in
            try WorkQueueClaims.load(
                tenant: tenant, statuses: statuses.map(Self.storedStatus), claimNumbers: claimNumbers, lastScrubFailed: lastScrubFailed,
                limit: limit, in: session)
        }
    }

    /// Claims sent to their current payer `days` or more days ago (the practice's today) and neither adjudicated,
    /// rejected nor denied since: submitted or acknowledged only. The analyst table's cheap view of
    /// `unansweredClaims`, which also reads each claim's 277 answers.
    public func unansweredQueue(tenant: String, days: Int, limit: Int = 200) async throws -> [WorkQueueClaims.Row] {
        try await postgres.run { session in
            try WorkQueueClaims.load(
                tenant: tenant, statuses: [Self.storedStatus(.submitted), Self.storedStatus(.acknowledged)], submittedDaysAgo: days, limit: limit,
                in: session)
        }
    }

    /// A practice's newest payments, or those still holding unapplied money (open or held).
    public func depositList(tenant: String, unappliedOnly: Bool, limit: Int = 200) async throws -> [DepositList.Row] {
        try await postgres.run { session in try DepositList.load(tenant: tenant, unappliedOnly: unappliedOnly, limit: limit, in: session) }
    }

    /// A status as the analyst table spells it (`awaiting_next_payer`).
    static func storedStatus(_ status: Claim.Status) -> String {
        status.rawValue.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }

    /// The states of a few claims (their scrubber findings for a queue), without reading the patient's identity.
    public func claimStates(_ ids: [ClaimID], tenant: String) async throws -> [Claim.State] {
        try await inTenant(tenant, source: "api") { tx, context in
            let service = ClaimService()
            return try ids.map { try service.state($0, context: context, in: tx) }
        }
    }
}
