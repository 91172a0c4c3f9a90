extension Practice {
    /// What staff ask of the practice.
    public enum Command: Sendable, Equatable {
        /// Configures the practice once: its id and time zone.
        case configure(practiceID: PracticeID, timeZone: String, on: LocalDate)
        /// Adds a provider.
        case addProvider(Provider, on: LocalDate)
        /// Enrols the practice with a payer, with the providers credentialed there.
        case enrollPayer(payerID: PayerID, name: String, providers: Set<ProviderID>, on: LocalDate)
        /// Credentials one more provider with an enrolled payer.
        case enrollProvider(ProviderID, payerID: PayerID, on: LocalDate)
        /// Sets a payer's rules from a date of service on.
        case setPayerRule(payerID: PayerID, rule: PayerRule, on: LocalDate)
        /// Sets contracted allowed amounts with a payer.
        case setContractRates(payerID: PayerID, rates: [RateEntry], on: LocalDate)
        /// Sets the practice's fee schedule entries.
        case setFeeSchedule([RateEntry], on: LocalDate)
        /// Closes an accounting period; it must be the next one and already ended.
        case closePeriod(AccountingPeriod, on: LocalDate)
    }

    /// Why the practice refused a command.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// The practice is configured already.
        case alreadyConfigured
        /// The practice must be configured first.
        case notConfigured
        /// The time zone is not an IANA name.
        case invalidTimeZone(String)
        /// A provider with this id exists.
        case providerExists(ProviderID)
        /// No such provider.
        case unknownProvider(ProviderID)
        /// The NPI fails its form or check digit.
        case invalidNPI(String)
        /// A pre-licensed clinician needs a supervisor who is a provider of the practice.
        case supervisorRequired(ProviderID)
        /// The payer is enrolled already.
        case payerAlreadyEnrolled(PayerID)
        /// The payer is not enrolled.
        case unknownPayer(PayerID)
        /// A day count in a rule is out of range.
        case invalidRule(String)
        /// A rate is negative or for a code we do not bill.
        case invalidRate(code: String)
        /// The period is closed already.
        case periodAlreadyClosed(AccountingPeriod)
        /// Periods close in order.
        case periodOutOfOrder(AccountingPeriod, expected: AccountingPeriod)
        /// The period has not ended yet.
        case periodNotEnded(AccountingPeriod)

        /// A message a billing clerk understands.
        public var description: String {
            switch self {
            case .alreadyConfigured: "The practice is already set up."
            case .notConfigured: "Set up the practice first."
            case .invalidTimeZone(let zone): "\(zone) is not a time zone name such as America/Chicago."
            case .providerExists(let id): "Provider \(id) already exists."
            case .unknownProvider(let id): "There is no provider \(id) in this practice."
            case .invalidNPI(let npi): "NPI \(npi) is not valid (10 digits with a correct check digit)."
            case .supervisorRequired(let id):
                "Provider \(id) is pre-licensed and needs a supervising provider of the practice."
            case .payerAlreadyEnrolled(let id): "The practice is already enrolled with payer \(id)."
            case .unknownPayer(let id): "The practice is not enrolled with payer \(id)."
            case .invalidRule(let why): "The payer rule is not valid: \(why)."
            case .invalidRate(let code): "The rate for \(code) is not valid (unknown code or negative amount)."
            case .periodAlreadyClosed(let p): "Period \(p) is already closed."
            case .periodOutOfOrder(let p, let expected): "Close \(expected) before \(p)."
            case .periodNotEnded(let p): "Period \(p) has not ended yet."
            }
        }
    }
}
