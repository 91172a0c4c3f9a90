import Foundation

extension Practice {
    /// Facts about the practice.
    public enum Event: StoredEvent {
        /// `practice.configured`: the practice got its id and time zone.
        case configured(Configured)
        /// `practice.provider_added`: a provider joined.
        case providerAdded(ProviderAdded)
        /// `practice.payer_enrolled`: the practice enrolled with a payer.
        case payerEnrolled(PayerEnrolled)
        /// `practice.provider_enrolled`: a provider was credentialed with a payer.
        case providerEnrolled(ProviderEnrolled)
        /// `practice.payer_rule_set`: a payer rule now applies from its effective date.
        case payerRuleSet(PayerRuleSet)
        /// `practice.contract_rates_set`: contracted allowed amounts were set.
        case contractRatesSet(ContractRatesSet)
        /// `practice.fee_schedule_set`: fee-schedule entries were set.
        case feeScheduleSet(FeeScheduleSet)
        /// `practice.period_closed`: an accounting period was closed.
        case periodClosed(PeriodClosed)

        /// Every type name of the family.
        public static let eventTypes = [
            "practice.configured",
            "practice.provider_added",
            "practice.payer_enrolled",
            "practice.provider_enrolled",
            "practice.payer_rule_set",
            "practice.contract_rates_set",
            "practice.fee_schedule_set",
            "practice.period_closed",
        ]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .configured: "practice.configured"
            case .providerAdded: "practice.provider_added"
            case .payerEnrolled: "practice.payer_enrolled"
            case .providerEnrolled: "practice.provider_enrolled"
            case .payerRuleSet: "practice.payer_rule_set"
            case .contractRatesSet: "practice.contract_rates_set"
            case .feeScheduleSet: "practice.fee_schedule_set"
            case .periodClosed: "practice.period_closed"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .configured(let p): try encodeJSON(p, encoder)
            case .providerAdded(let p): try encodeJSON(p, encoder)
            case .payerEnrolled(let p): try encodeJSON(p, encoder)
            case .providerEnrolled(let p): try encodeJSON(p, encoder)
            case .payerRuleSet(let p): try encodeJSON(p, encoder)
            case .contractRatesSet(let p): try encodeJSON(p, encoder)
            case .feeScheduleSet(let p): try encodeJSON(p, encoder)
            case .periodClosed(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "practice.configured": .configured(try decodeJSON(Configured.self, d, j))
            case "practice.provider_added": .providerAdded(try decodeJSON(ProviderAdded.self, d, j))
            case "practice.payer_enrolled": .payerEnrolled(try decodeJSON(PayerEnrolled.self, d, j))
            case "practice.provider_enrolled": .providerEnrolled(try decodeJSON(ProviderEnrolled.self, d, j))
            case "practice.payer_rule_set": .payerRuleSet(try decodeJSON(PayerRuleSet.self, d, j))
            case "practice.contract_rates_set": .contractRatesSet(try decodeJSON(ContractRatesSet.self, d, j))
            case "practice.fee_schedule_set": .feeScheduleSet(try decodeJSON(FeeScheduleSet.self, d, j))
            case "practice.period_closed": .periodClosed(try decodeJSON(PeriodClosed.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
