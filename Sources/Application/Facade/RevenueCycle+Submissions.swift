import Billing
import EventStore
import Foundation

/// A claim submitted on its own (the server's `POST …/claims/{claim}/submit`): its new state and version,
/// and the 837P batch it went in.
public struct ClaimSubmissionOutcome: Sendable {
    /// The claim after `claim.submitted`.
    public let claim: VersionedClaim
    /// The batch: the file's SHA-256 is its id.
    public let batch: InterchangeRecord
}

/// The 837P batches of a practice (`x12.interchange_sent`) and their files, for the server.
extension RevenueCycle {
    /// Submits one scrubbed claim to its payer in a batch of its own when the claim is at `expected` (nil: any);
    /// the file stays in the PHI store (no directory). A claim that is not ready is refused with the reason.
    public func submitClaim(_ id: ClaimID, expected: Int64?, tenant: String, now: Date = Date()) async throws -> ClaimSubmissionOutcome {
        let counter = try await backend.interchangeCounter()
        return try await inTenant(tenant, source: "api") { tx, context in
            let current = try Self.claimVersion(id, context: context, in: tx)
            guard current > 0 else { throw NoSuchRecord() }
            if let expected, expected != current { throw StaleVersion(current: current, expected: expected) }
            let claim = try ClaimService().state(id, context: context, in: tx)
            guard let payer = claim.payerID else { throw CommandRejected("claim \(id) has no payer") }
            guard
                let result = try SubmissionService().submit(
                    payer: payer, only: [id], directory: nil, now: now, context: context, in: tx, nextControlNumber: counter)
            else { throw CommandRejected("claim \(id) was not submitted: nothing of it was ready") }
            guard let batch = try InterchangeRecord.all(tenant: context.tenant.id, in: tx).last(where: { $0.sha256 == result.sha256 }) else {
                throw CommandRejected("claim \(id): the batch was not recorded")
            }
            let after = VersionedClaim(claim: try ClaimService().state(id, context: context, in: tx), version: try Self.claimVersion(id, context: context, in: tx))
            return ClaimSubmissionOutcome(claim: after, batch: batch)
        }
    }

    /// Every 837P batch the practice sent, in the order sent.
    public func submissions(tenant: String) async throws -> [InterchangeRecord] {
        try await inTenant(tenant, source: "api") { tx, context in try InterchangeRecord.all(tenant: context.tenant.id, in: tx) }
    }

    /// The bytes of one of the practice's 837P batches (by the file's SHA-256), recording the read in the access
    /// log first (the file names patients); `NoSuchRecord` when the practice sent no such batch.
    public func submissionFile(sha256: String, tenant: String, purpose: String) async throws -> (record: InterchangeRecord, bytes: [UInt8]) {
        try await inTenant(tenant, reason: purpose, source: "api") { tx, context in
            guard let record = try InterchangeRecord.all(tenant: context.tenant.id, in: tx).first(where: { $0.sha256 == sha256 }) else {
                throw NoSuchRecord()
            }
            // Recorded before the read, with the person's purpose: the store's read then adds no second record (V0015).
            try AccessLog().record(record: "x12:\(sha256)", purpose: purpose, sensitive: false, context: context, in: tx)
            guard let bytes = try tx.phi.file(sha256: sha256, tenant: context.tenant.id) else { throw NoSuchRecord() }
            return (record, bytes)
        }
    }
}
