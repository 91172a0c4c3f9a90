import Billing
import Foundation

/// A change to a payer's rule from a date of service on.
public struct PayerRuleRequest: Sendable {
    /// The practice's slug or id.
    public var tenant: String
    /// The enrolled payer.
    public var payer: PayerID
    /// The first date of service the changed rule governs.
    public var from: LocalDate
    /// What changes; the rest is kept from the rule in force on `from`.
    public var change: PayerRuleChange

    /// A request.
    public init(tenant: String, payer: PayerID, from: LocalDate, change: PayerRuleChange) {
        self.tenant = tenant
        self.payer = payer
        self.from = from
        self.change = change
    }
}

extension RevenueCycle {
    /// Records a payer's rule from a date of service on (`practice.payer_rule_set`); returns the rule now in force then.
    public func setPayerRule(_ request: PayerRuleRequest) async throws -> PayerRule {
        try await inTenant(request.tenant) { tx, context in
            try PracticeService().setPayerRule(
                payer: request.payer, change: request.change, from: request.from, context: context, in: tx)
        }
    }

    /// A payer's rules for a practice, oldest first (a later entry with the same date replaces an earlier one).
    public func payerRules(tenant: String, payer: PayerID) async throws -> [PayerRule] {
        try await inTenant(tenant) { tx, context in
            guard let enrollment = try PracticeService().state(context, in: tx).payers[payer] else {
                throw Practice.Rejection.unknownPayer(payer)
            }
            return enrollment.rules.enumerated().sorted { ($0.element.effectiveFrom, $0.offset) < ($1.element.effectiveFrom, $1.offset) }
                .map(\.element)
        }
    }
}
