import Billing
import EventStore
import Foundation

/// A claim with its stream version (the server's `ETag`).
public struct VersionedClaim: Sendable {
    /// The claim's state.
    public let claim: Claim.State
    /// The claim stream's version: the number of its events.
    public let version: Int64
}

/// The record named does not exist in the practice, or the acting role may not see it (the server's 404).
public struct NoSuchRecord: Error, Sendable, CustomStringConvertible {
    public var description: String { "no such record" }
}

/// The version a write expected differs from the claim's (the server's 412): nothing was written.
public struct StaleVersion: Error, Sendable, CustomStringConvertible {
    /// The claim's version now.
    public let current: Int64
    /// What the caller expected.
    public let expected: Int64

    public var description: String { "the claim is at version \(current), not \(expected); read it again" }
}

/// The claim commands of the server, with optimistic concurrency on the claim's stream version.
extension RevenueCycle {
    /// A claim and its version, recording the read of its diagnoses in the access log.
    public func showVersionedClaim(_ id: ClaimID, tenant: String, reason: String) async throws -> VersionedClaim {
        try await inTenant(tenant, reason: reason, source: "api") { tx, context in
            let version = try Self.claimVersion(id, context: context, in: tx)
            guard version > 0 else { throw NoSuchRecord() }
            let claim = try ClaimService().show(id, purpose: reason, context: context, in: tx)
            return VersionedClaim(claim: claim, version: version)
        }
    }

    /// A page of a practice's claims with their versions, in claim-id order (stable for cursor pagination): those
    /// after the claim id `after`, in `status` when given, at most `limit`; `more` when another page follows. Only
    /// the page's claims are folded (the ids come from the caught-up `claim_status`), whatever the practice's size.
    public func versionedClaims(
        tenant: String, status: Claim.Status?, after: String?, limit: Int
    ) async throws -> (claims: [VersionedClaim], more: Bool) {
        try await inTenant(tenant, source: "api") { tx, context in
            let repository = AggregateRepository()
            let ids = try tx.readModels.claimIDs(tenant: context.tenant.id, status: status, after: after.map { ClaimID($0) }, limit: limit + 1)
            let claims = try ids.prefix(limit).map { id in
                let loaded = try repository.load(Claim.self, stream: Claim.streamID(id), tenant: context.tenant.id, in: tx)
                return VersionedClaim(claim: loaded.state, version: loaded.version)
            }
            return (claims, ids.count > limit)
        }
    }

    /// Runs a claim command when the claim is at `expected` (when given), else throws `StaleVersion`.
    public enum ClaimAction: Sendable {
        /// Run the scrubber.
        case scrub
        /// Void, with the reason.
        case void(reason: String)
        /// Correct from the sessions' amended records (frequency 7 once adjudicated), with the reason.
        case correct(reason: String)
        /// Appeal an open denial, with the payer's reference.
        case appeal(DenialID, reference: String)
        /// Assign an open denial to a person of the practice, due by a date (else the payer's appeal window).
        case assign(DenialID, owner: StaffID, due: LocalDate?)
        /// Write off part of the balance.
        case writeOff(Money, reason: WriteOffReason, side: BalanceSide, denial: DenialID?)
    }

    /// Scrubs or voids a claim when its version is `expected` (nil: any); the new state and version.
    public func act(on id: ClaimID, _ action: ClaimAction, expected: Int64?, tenant: String) async throws -> VersionedClaim {
        try await inTenant(tenant, source: "api") { tx, context in
            let current = try Self.claimVersion(id, context: context, in: tx)
            guard current > 0 else { throw NoSuchRecord() }
            if let expected, expected != current { throw StaleVersion(current: current, expected: expected) }
            let practice = try PracticeService().state(context, in: tx)
            let claim: Claim.State
            switch action {
            case .scrub:
                claim = try ClaimService().scrub(id, practice: practice, context: context, in: tx)
            case .void(let reason):
                claim = try ClaimService().run(
                    id, .void(reason: reason, on: context.today, period: practice.postingPeriod(for: context.today)), patient: nil,
                    on: context.today, context: context, in: tx)
            case .correct(let reason):
                claim = try ClaimService().correct(id, reason: reason, practice: practice, context: context.withReason(reason), in: tx)
            case .appeal(let denial, let reference):
                claim = try ClaimService().run(id, .appeal(denial, reference: reference, on: context.today), patient: nil, on: context.today, context: context, in: tx)
            case .assign(let denial, let owner, let due):
                try Self.requireStaff(owner, of: context, in: tx)
                claim = try ClaimService().run(
                    id, .assignDenial(denial, owner: owner, dueDate: due, on: context.today), patient: nil, on: context.today, context: context, in: tx)
            case .writeOff(let amount, let reason, let side, let denial):
                let period = practice.postingPeriod(for: context.today)
                let reasoned = context.withReason(reason.rawValue)
                claim = try ClaimService().run(
                    id, .writeOff(amount: amount, reason: reason, side: side, denialID: denial, on: context.today, period: period), patient: nil,
                    on: context.today, context: reasoned, in: tx)
                if side == .patient, let key = claim.patientKey {
                    try PatientPaymentService().writeOffAccount(patient: key, amount: amount, reason: reason, period: period, context: reasoned, in: tx)
                }
            }
            return VersionedClaim(claim: claim, version: try Self.claimVersion(id, context: context, in: tx))
        }
    }

    static func claimVersion(_ id: ClaimID, context: CommandContext, in tx: any StoreTransaction) throws -> Int64 {
        try AggregateRepository().load(Claim.self, stream: Claim.streamID(id), tenant: context.tenant.id, in: tx).version
    }
}
