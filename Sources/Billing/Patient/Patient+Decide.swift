extension Patient {
    /// Decides what a patient command records.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        if case .register(let key, let digest, let date) = command {
            guard state.key == nil else { throw .alreadyRegistered }
            guard !digest.isEmpty else { throw .missingIdentityDigest }
            return [.registered(.init(patientKey: key, identityDigest: digest, effectiveDate: date))]
        }
        guard let key = state.key else { throw .notRegistered }
        switch command {
        case .register: return []
        case .recordCoverage(let coverage, let date):
            guard state.coverages[coverage.id] == nil else { throw .coverageExists(coverage.id) }
            guard (0...100).contains(coverage.coinsurancePercent), !coverage.copay.isNegative,
                !coverage.deductible.isNegative
            else { throw .invalidCostShare }
            if state.coverages.values.contains(where: {
                $0.order == coverage.order && overlaps($0.effective, coverage.effective)
            }) {
                throw .orderTaken(coverage.order)
            }
            // COB: a secondary pays after a primary, a tertiary after a secondary, on the same dates of service; the
            // order before must be in force on the first day of the new coverage.
            if let earlier = coverage.order.previous,
                !state.coverages.values.contains(where: { $0.order == earlier && $0.effective.contains(coverage.effective.from) })
            {
                throw .noEarlierCoverage(coverage.order, missing: earlier, on: coverage.effective.from)
            }
            if state.coverages.values.contains(where: {
                $0.payerID == coverage.payerID && overlaps($0.effective, coverage.effective)
            }) {
                throw .payerAlreadyCovers(coverage.payerID)
            }
            return [.coverageRecorded(.init(patientKey: key, coverage: coverage, effectiveDate: date))]
        case .recordAuthorization(let auth, let date):
            guard state.authorizations[auth.number] == nil else { throw .authorizationExists(auth.number) }
            guard auth.units > .zero else { throw .nonPositiveUnits }
            var fresh = auth
            fresh.consumed = .zero
            return [.authorizationRecorded(.init(patientKey: key, authorization: fresh, effectiveDate: date))]
        case .consumeAuthorizationUnits(let number, let units, let claim, let date):
            guard units > .zero else { throw .nonPositiveUnits }
            guard let auth = state.authorizations[number] else { throw .unknownAuthorization(number) }
            guard auth.remaining >= units else {
                throw .authorizationExhausted(number: number, remaining: auth.remaining, requested: units)
            }
            return [
                .authorizationUnitsConsumed(
                    .init(patientKey: key, number: number, units: units, claimID: claim, effectiveDate: date))
            ]
        case .releaseAuthorizationUnits(let number, let units, let claim, let date):
            guard units > .zero else { throw .nonPositiveUnits }
            guard let auth = state.authorizations[number] else { throw .unknownAuthorization(number) }
            guard auth.consumed >= units else {
                throw .releaseExceedsConsumed(number: number, consumed: auth.consumed, requested: units)
            }
            return [
                .authorizationUnitsReleased(
                    .init(patientKey: key, number: number, units: units, claimID: claim, effectiveDate: date))
            ]
        case .flagSubstanceUseRecords(let date):
            guard !state.substanceUseSensitive else { throw .alreadyFlagged }
            return [.substanceUseFlagged(.init(patientKey: key, effectiveDate: date))]
        case .forgetIdentity(let date):
            guard !state.identityForgotten else { throw .identityAlreadyForgotten }
            return [.identityForgotten(.init(patientKey: key, effectiveDate: date))]
        }
    }

    private static func overlaps(_ a: EffectivePeriod, _ b: EffectivePeriod) -> Bool {
        (b.through.map { a.from <= $0 } ?? true) && (a.through.map { b.from <= $0 } ?? true)
    }

    /// Applies a fact to the patient.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .registered(let e):
            s.key = e.patientKey
            s.identityDigest = e.identityDigest
        case .coverageRecorded(let e): s.coverages[e.coverage.id] = e.coverage
        case .authorizationRecorded(let e): s.authorizations[e.authorization.number] = e.authorization
        case .authorizationUnitsConsumed(let e):
            if var auth = s.authorizations[e.number] {
                auth.consumed = auth.consumed + e.units
                s.authorizations[e.number] = auth
            }
        case .authorizationUnitsReleased(let e):
            if var auth = s.authorizations[e.number] {
                auth.consumed = auth.consumed - e.units
                s.authorizations[e.number] = auth
            }
        case .substanceUseFlagged: s.substanceUseSensitive = true
        case .identityForgotten:
            s.identityForgotten = true
            s.identityDigest = nil
        }
        return s
    }
}
