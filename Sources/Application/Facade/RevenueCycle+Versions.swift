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

    /// A practice's claims with their versions, in claim-id order (stable for cursor pagination).
    public func versionedClaims(tenant: String, status: Claim.Status?) async throws -> [VersionedClaim] {
        try await inTenant(tenant, source: "api") { tx, context in
            let service = ClaimService()
            return try service.allClaimIDs(context: context, in: tx).sorted { $0.rawValue < $1.rawValue }.compactMap { id in
                let claim = try service.state(id, context: context, in: tx)
                guard status == nil || claim.status == status else { return nil }
                return VersionedClaim(claim: claim, version: try Self.claimVersion(id, context: context, in: tx))
            }
        }
    }

    /// Runs a claim command when the claim is at `expected` (when given), else throws `StaleVersion`.
    public enum ClaimAction: Sendable {
        /// Run the scrubber.
        case scrub
        /// Void, with the reason.
        case void(reason: String)
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
            }
            return VersionedClaim(claim: claim, version: try Self.claimVersion(id, context: context, in: tx))
        }
    }

    static func claimVersion(_ id: ClaimID, context: CommandContext, in tx: any StoreTransaction) throws -> Int64 {
        try AggregateRepository().load(Claim.self, stream: Claim.streamID(id), tenant: context.tenant.id, in: tx).version
    }
}
