import Billing
import EventStore
import Foundation

/// A posted payment as a person reconciles it: the practice it paid and its ledger.
public struct PaymentReconciliation: Sendable, Equatable {
    /// The practice (payee).
    public var practice: Tenant
    /// The payment's stream.
    public var stream: String
    /// What was received, posted, adjusted and left unapplied.
    public var ledger: RemittanceLedger
}

extension RevenueCycle {
    /// Every posted payment of one practice, or of every practice this login may see, in the order received.
    public func remittances(tenant: String?) async throws -> [PaymentReconciliation] {
        try await payments(tenant: tenant, trace: nil)
    }

    /// The payments with a trace number (one per payee of a check that paid several practices).
    public func remittance(trace: String, tenant: String?) async throws -> [PaymentReconciliation] {
        let found = try await payments(tenant: tenant, trace: trace).filter { $0.ledger.received?.traceNumber == trace }
        guard !found.isEmpty else { throw CommandRejected("no payment with trace \(trace)\(tenant.map { " in \($0)" } ?? "") that this login may see") }
        return found
    }

    private func payments(tenant: String?, trace: String?) async throws -> [PaymentReconciliation] {
        try await backend.transaction { tx in
            try Self.resolve(tenant, in: tx, practicesOnly: true).flatMap { practice in
                try UnappliedWorkService().ledgers(tenant: practice, trace: trace, in: tx).map {
                    PaymentReconciliation(practice: practice, stream: $0.stream, ledger: $0.ledger)
                }
            }
        }
    }

    /// Posts an unapplied claim payment to a claim a person names (the import's checks apply); returns the claim.
    public func applyUnapplied(item: String, trace: String, payer: String?, to claim: ClaimNumber, tenant: String, reason: String) async throws
        -> Claim.State
    {
        try await inTenant(tenant, reason: reason) { tx, context in
            try UnappliedWorkService().apply(item, trace: trace, payer: payer, to: claim, context: context, in: tx)
        }
    }

    /// Sets an unapplied item aside (a call to the payer), with the reason.
    public func holdUnapplied(item: String, trace: String, payer: String?, tenant: String, reason: String) async throws {
        try await inTenant(tenant, reason: reason) { tx, context in
            let service = UnappliedWorkService()
            let (stream, ledger) = try service.payment(trace: trace, payer: payer, context: context, in: tx)
            _ = try service.item(item, of: ledger, trace: trace, allowed: [.open])
            try service.record(.itemHeld(.init(itemID: item, reason: reason)), stream: stream, version: ledger.version, context: context, in: tx)
        }
    }

    /// Opens a held item again.
    public func releaseUnapplied(item: String, trace: String, payer: String?, tenant: String) async throws {
        try await inTenant(tenant) { tx, context in
            let service = UnappliedWorkService()
            let (stream, ledger) = try service.payment(trace: trace, payer: payer, context: context, in: tx)
            _ = try service.item(item, of: ledger, trace: trace, allowed: [.held])
            try service.record(.itemReleased(.init(itemID: item)), stream: stream, version: ledger.version, context: context, in: tx)
        }
    }

    /// Records unapplied money returned to the payer (a refund check or an offset the payer confirmed).
    public func refundUnapplied(item: String, trace: String, payer: String?, reference: String, tenant: String) async throws {
        try await inTenant(tenant, reason: "refund \(reference)") { tx, context in
            let service = UnappliedWorkService()
            let (stream, ledger) = try service.payment(trace: trace, payer: payer, context: context, in: tx)
            let found = try service.item(item, of: ledger, trace: trace, allowed: [.open, .held])
            guard found.entry.paid > .zero else { throw CommandRejected("item \(item) of payment \(trace) holds no money to refund") }
            guard !reference.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandRejected("a refund needs its check number or the payer's reference") }
            try service.record(
                .itemRefunded(.init(itemID: item, amount: found.entry.paid, reference: reference)), stream: stream, version: ledger.version,
                context: context, in: tx)
        }
    }
}
