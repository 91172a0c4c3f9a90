extension Practice {
    /// Decides what happens when staff ask the practice to do something.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        if case .configure(let id, let zone, let date) = command {
            guard state.practiceID == nil else { throw .alreadyConfigured }
            guard zone.contains("/") || zone == "UTC", !zone.contains(" ") else { throw .invalidTimeZone(zone) }
            return [.configured(.init(practiceID: id, timeZone: zone, effectiveDate: date))]
        }
        guard state.practiceID != nil else { throw .notConfigured }
        switch command {
        case .configure: return []
        case .addProvider(let provider, let date):
            guard state.providers[provider.id] == nil else { throw .providerExists(provider.id) }
            guard NPI.isValid(provider.npi) else { throw .invalidNPI(provider.npi) }
            if provider.licence.requiresSupervisor {
                guard let supervisor = provider.supervisor, state.providers[supervisor] != nil else {
                    throw .supervisorRequired(provider.id)
                }
            } else if let supervisor = provider.supervisor, state.providers[supervisor] == nil {
                throw .unknownProvider(supervisor)
            }
            return [.providerAdded(.init(provider: provider, effectiveDate: date))]
        case .enrollPayer(let payer, let name, let providers, let date):
            guard state.payers[payer] == nil else { throw .payerAlreadyEnrolled(payer) }
            if let missing = providers.sorted().first(where: { state.providers[$0] == nil }) {
                throw .unknownProvider(missing)
            }
            return [
                .payerEnrolled(.init(payerID: payer, name: name, providers: providers.sorted(), effectiveDate: date))
            ]
        case .enrollProvider(let provider, let payer, let date):
            guard state.payers[payer] != nil else { throw .unknownPayer(payer) }
            guard state.providers[provider] != nil else { throw .unknownProvider(provider) }
            return [.providerEnrolled(.init(providerID: provider, payerID: payer, effectiveDate: date))]
        case .setPayerRule(let payer, let rule, let date):
            guard state.payers[payer] != nil else { throw .unknownPayer(payer) }
            guard rule.timelyFilingDays > 0 else { throw .invalidRule("timely filing days must be positive") }
            guard rule.appealDays > 0, rule.correctedClaimDays > 0 else {
                throw .invalidRule("windows must be positive")
            }
            guard (0..<rule.timelyFilingDays).contains(rule.timelyFilingMarginDays) else {
                throw .invalidRule("the warning margin must be shorter than the filing limit")
            }
            if let bad = rule.authorizationCodes.sorted().first(where: { CodeRange(parsing: $0) == nil }) {
                throw .invalidRule("\(bad) is not a procedure code or a range such as 90832-90838")
            }
            if let copay = rule.copay, copay.isNegative { throw .invalidRule("the copay must not be negative") }
            if let bad = rule.telehealthPlaces.sorted().first(where: { PlaceOfServiceCatalog.entries[$0] == nil }) {
                throw .invalidRule("\(bad) is not a place of service")
            }
            if let bad = rule.telehealthModifiers.sorted().first(where: { ModifierCatalog.entries[$0] == nil }) {
                throw .invalidRule("\(bad) is not a modifier")
            }
            return [.payerRuleSet(.init(payerID: payer, rule: rule, effectiveDate: date))]
        case .setContractRates(let payer, let rates, let date):
            guard state.payers[payer] != nil else { throw .unknownPayer(payer) }
            try validate(rates)
            return [.contractRatesSet(.init(payerID: payer, rates: rates, effectiveDate: date))]
        case .setFeeSchedule(let entries, let date):
            try validate(entries)
            return [.feeScheduleSet(.init(entries: entries, effectiveDate: date))]
        case .closePeriod(let period, let date):
            if state.isClosed(period) { throw .periodAlreadyClosed(period) }
            if let closed = state.closedThrough, period != closed.next {
                throw .periodOutOfOrder(period, expected: closed.next)
            }
            guard date >= period.next.firstDay else { throw .periodNotEnded(period) }
            return [.periodClosed(.init(period: period, effectiveDate: date))]
        }
    }

    private static func validate(_ rates: [RateEntry]) throws(Rejection) {
        if let bad = rates.first(where: { $0.amount.isNegative || ProcedureCatalog.definition($0.code) == nil }) {
            throw .invalidRate(code: bad.code)
        }
    }

    /// Applies a fact to the practice.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .configured(let e):
            s.practiceID = e.practiceID
            s.timeZone = e.timeZone
        case .providerAdded(let e): s.providers[e.provider.id] = e.provider
        case .payerEnrolled(let e):
            s.payers[e.payerID] = PayerEnrollment(
                payerID: e.payerID, name: e.name, providers: Set(e.providers), rules: [], contractRates: [])
        case .providerEnrolled(let e): s.payers[e.payerID]?.providers.insert(e.providerID)
        case .payerRuleSet(let e): s.payers[e.payerID]?.rules.append(e.rule)
        case .contractRatesSet(let e): s.payers[e.payerID]?.contractRates += e.rates
        case .feeScheduleSet(let e): s.feeSchedule += e.entries
        case .periodClosed(let e): s.closedThrough = e.period
        }
        return s
    }
}
