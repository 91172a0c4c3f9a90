extension Claim {
    /// The patient commands a claim event implies for authorization units: consume on submission,
    /// release on denial or void. The application runs them against the patient stream.
    public static func authorizationCommands(for event: Event, patientKey: PatientKey) -> [Patient.Command] {
        switch event {
        case .submitted(let e):
            guard let number = e.authorizationNumber, e.authorizationUnitsConsumed > .zero else { return [] }
            return [
                .consumeAuthorizationUnits(
                    number: number, units: e.authorizationUnitsConsumed, claimID: e.claimID, on: e.effectiveDate)
            ]
        case .denied(let e):
            guard let number = e.authorizationNumber, e.authorizationUnitsReleased > .zero else { return [] }
            return [
                .releaseAuthorizationUnits(
                    number: number, units: e.authorizationUnitsReleased, claimID: e.claimID, on: e.effectiveDate)
            ]
        case .voided(let e):
            guard let number = e.authorizationNumber, e.authorizationUnitsReleased > .zero else { return [] }
            return [
                .releaseAuthorizationUnits(
                    number: number, units: e.authorizationUnitsReleased, claimID: e.claimID, on: e.effectiveDate)
            ]
        default:
            return []
        }
    }

    /// The account charge a claim event implies: patient responsibility moved to the patient, or moved back.
    public static func accountCommands(for event: Event) -> [PatientAccount.Command] {
        switch event {
        case .responsibilityTransferred(let e) where e.to == .patient:
            return [.postCharge(.claim(e.claimID), amount: e.amount, on: e.effectiveDate, period: e.period)]
        case .adjudicationReversed(let e) where e.returnedFromPatient > .zero:
            return [
                .reverseCharge(.claim(e.claimID), amount: e.returnedFromPatient, on: e.effectiveDate, period: e.period)
            ]
        default:
            return []
        }
    }
}
