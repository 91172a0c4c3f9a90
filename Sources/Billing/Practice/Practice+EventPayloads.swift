extension Practice.Event {
    /// Payload of `practice.configured`.
    public struct Configured: Codable, Sendable, Equatable {
        /// The practice.
        public var practiceID: PracticeID
        /// Its IANA time zone.
        public var timeZone: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            practiceID: PracticeID,
            timeZone: String,
            effectiveDate: LocalDate
        ) {
            self.practiceID = practiceID
            self.timeZone = timeZone
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.provider_added`.
    public struct ProviderAdded: Codable, Sendable, Equatable {
        /// The provider.
        public var provider: Provider
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            provider: Provider,
            effectiveDate: LocalDate
        ) {
            self.provider = provider
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.payer_enrolled`.
    public struct PayerEnrolled: Codable, Sendable, Equatable {
        /// The payer.
        public var payerID: PayerID
        /// The payer's name.
        public var name: String
        /// Credentialed providers.
        public var providers: [ProviderID]
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            payerID: PayerID,
            name: String,
            providers: [ProviderID],
            effectiveDate: LocalDate
        ) {
            self.payerID = payerID
            self.name = name
            self.providers = providers
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.provider_enrolled`.
    public struct ProviderEnrolled: Codable, Sendable, Equatable {
        /// The provider.
        public var providerID: ProviderID
        /// The payer.
        public var payerID: PayerID
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            providerID: ProviderID,
            payerID: PayerID,
            effectiveDate: LocalDate
        ) {
            self.providerID = providerID
            self.payerID = payerID
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.payer_rule_set`.
    public struct PayerRuleSet: Codable, Sendable, Equatable {
        /// The payer.
        public var payerID: PayerID
        /// The rule.
        public var rule: PayerRule
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            payerID: PayerID,
            rule: PayerRule,
            effectiveDate: LocalDate
        ) {
            self.payerID = payerID
            self.rule = rule
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.contract_rates_set`.
    public struct ContractRatesSet: Codable, Sendable, Equatable {
        /// The payer.
        public var payerID: PayerID
        /// The rates.
        public var rates: [RateEntry]
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            payerID: PayerID,
            rates: [RateEntry],
            effectiveDate: LocalDate
        ) {
            self.payerID = payerID
            self.rates = rates
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.fee_schedule_set`.
    public struct FeeScheduleSet: Codable, Sendable, Equatable {
        /// The entries.
        public var entries: [RateEntry]
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            entries: [RateEntry],
            effectiveDate: LocalDate
        ) {
            self.entries = entries
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `practice.period_closed`.
    public struct PeriodClosed: Codable, Sendable, Equatable {
        /// The period closed.
        public var period: AccountingPeriod
        /// Business date of the close.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            period: AccountingPeriod,
            effectiveDate: LocalDate
        ) {
            self.period = period
            self.effectiveDate = effectiveDate
        }
    }
}
