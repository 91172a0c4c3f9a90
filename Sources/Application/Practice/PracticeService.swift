import Billing
import EventStore
import Foundation

/// A practice's set-up: providers, payer enrolments with their rules and contracted rates, fee schedule.
public struct PracticeService: Sendable {
    let repository = AggregateRepository()

    /// A service.
    public init() {}

    /// The practice's folded state.
    public func state(_ context: CommandContext, in tx: any StoreTransaction) throws -> Practice.State {
        try repository.load(Practice.self, stream: Practice.streamID, tenant: context.tenant.id, in: tx).state
    }

    /// Adds a provider and records their name in the practice's directory, in one transaction.
    public func addProvider(_ provider: Provider, profile: ProviderProfile, context: CommandContext, in tx: any StoreTransaction) throws {
        try repository.execute(
            Practice.self, stream: Practice.streamID, command: .addProvider(provider, on: context.today), effectiveDate: context.today,
            context: context, in: tx)
        _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: [try profile.newEvent(context: context)]))
    }

    /// Enrols the practice with a catalog payer, with its rule, contracted rates and enrolled providers.
    public func enroll(
        payer: PayerProfile, providers: Set<ProviderID>, rule: PayerRule, rates: [RateEntry], context: CommandContext,
        in tx: any StoreTransaction
    ) throws {
        let id = PayerID(payer.payerID)
        try repository.execute(
            Practice.self, stream: Practice.streamID,
            command: .enrollPayer(payerID: id, name: payer.name, providers: providers, on: context.today), effectiveDate: context.today,
            context: context, in: tx)
        try repository.execute(
            Practice.self, stream: Practice.streamID, command: .setPayerRule(payerID: id, rule: rule, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
        if !rates.isEmpty {
            try repository.execute(
                Practice.self, stream: Practice.streamID, command: .setContractRates(payerID: id, rates: rates, on: context.today),
                effectiveDate: context.today, context: context, in: tx)
        }
    }

    /// Changes a payer's rule from a date of service on: the rule in force on that date with the change applied.
    public func setPayerRule(
        payer: PayerID, change: PayerRuleChange, from date: LocalDate, context: CommandContext, in tx: any StoreTransaction
    ) throws -> PayerRule {
        guard !change.isEmpty else { throw CommandRejected("name at least one rule to change (see rcm payer rules set --help)") }
        let practice = try state(context, in: tx)
        guard let enrollment = practice.payers[payer] else { throw Practice.Rejection.unknownPayer(payer) }
        let rule = change.applied(to: enrollment.rule(on: date), from: date)
        try repository.execute(
            Practice.self, stream: Practice.streamID, command: .setPayerRule(payerID: payer, rule: rule, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
        return rule
    }

    /// Sets the practice's fee schedule (what it charges).
    public func setFeeSchedule(_ rates: [RateEntry], context: CommandContext, in tx: any StoreTransaction) throws {
        try repository.execute(
            Practice.self, stream: Practice.streamID, command: .setFeeSchedule(rates, on: context.today), effectiveDate: context.today,
            context: context, in: tx)
    }
}
