import Billing
import Testing

@Suite("Patient decider")
struct PatientTests {
    let date = day("2026-02-01")

    func decide(_ command: Patient.Command, _ state: Patient.State) throws(Patient.Rejection) -> [Patient.Event] {
        try Patient.decide(command, state)
    }

    @Test("register keeps only the pseudonymous key and the identity digest")
    func register() throws {
        let events = try decide(.register(key: "pk-9", identityDigest: "sha256:ff", on: date), Patient.initial)
        #expect(events == [.registered(.init(patientKey: "pk-9", identityDigest: "sha256:ff", effectiveDate: date))])
        #expect(throws: Patient.Rejection.missingIdentityDigest) {
            try decide(.register(key: "pk-9", identityDigest: "", on: date), Patient.initial)
        }
        #expect(throws: Patient.Rejection.alreadyRegistered) {
            try decide(.register(key: "pk-1", identityDigest: "x", on: date), Fx.patientState)
        }
        #expect(throws: Patient.Rejection.notRegistered) { try decide(.forgetIdentity(on: date), Patient.initial) }
    }

    @Test("recordCoverage checks cost share and one coverage per order at a time")
    func coverage() throws {
        let tertiary = Coverage(
            id: "cov-3", payerID: "T", order: .tertiary, effective: EffectivePeriod(from: day("2026-02-01")))
        #expect(try decide(.recordCoverage(tertiary, on: date), Fx.patientState).count == 1)
        var bad = tertiary
        bad.coinsurancePercent = 120
        #expect(throws: Patient.Rejection.invalidCostShare) {
            try decide(.recordCoverage(bad, on: date), Fx.patientState)
        }
        let clash = Coverage(
            id: "cov-4", payerID: "X", order: .primary, effective: EffectivePeriod(from: day("2026-06-01")))
        #expect(throws: Patient.Rejection.orderTaken(.primary)) {
            try decide(.recordCoverage(clash, on: date), Fx.patientState)
        }
        #expect(throws: Patient.Rejection.coverageExists("cov-1")) {
            try decide(
                .recordCoverage(Coverage(id: "cov-1", payerID: "X", order: .tertiary, effective: tertiary.effective), on: date),
                Fx.patientState)
        }
        #expect(Fx.patientState.coverage(after: .primary, on: day("2026-03-01"))?.payerID == Fx.medicaid)
    }

    @Test("COB order: a secondary needs a primary in force on its first day, a tertiary a secondary; a payer holds one place")
    func coverageOrder() throws {
        let registered = Patient.replay([
            .registered(.init(patientKey: Fx.patient, identityDigest: "sha256:abc", effectiveDate: date))
        ])
        let secondary = Coverage(
            id: "cov-s", payerID: Fx.medicaid, order: .secondary, effective: EffectivePeriod(from: day("2026-01-01")))
        #expect(throws: Patient.Rejection.noEarlierCoverage(.secondary, missing: .primary, on: day("2026-01-01"))) {
            try decide(.recordCoverage(secondary, on: date), registered)
        }
        // A primary that starts later than the secondary does not cover the secondary's first day.
        let late = Coverage(
            id: "cov-p", payerID: Fx.acme, order: .primary, effective: EffectivePeriod(from: day("2026-02-01")))
        let withLatePrimary = Patient.replay(try decide(.recordCoverage(late, on: date), registered), from: registered)
        #expect(throws: Patient.Rejection.noEarlierCoverage(.secondary, missing: .primary, on: day("2026-01-01"))) {
            try decide(.recordCoverage(secondary, on: date), withLatePrimary)
        }
        var fromFebruary = secondary
        fromFebruary.effective = EffectivePeriod(from: day("2026-02-01"))
        #expect(try decide(.recordCoverage(fromFebruary, on: date), withLatePrimary).count == 1)
        let tertiary = Coverage(id: "cov-t", payerID: "T", order: .tertiary, effective: .always)
        #expect(throws: Patient.Rejection.noEarlierCoverage(.tertiary, missing: .secondary, on: tertiary.effective.from)) {
            try decide(.recordCoverage(tertiary, on: date), withLatePrimary)
        }
        var samePayer = fromFebruary
        samePayer.payerID = Fx.acme
        #expect(throws: Patient.Rejection.payerAlreadyCovers(Fx.acme)) {
            try decide(.recordCoverage(samePayer, on: date), withLatePrimary)
        }
        let overlap = Coverage(
            id: "cov-p2", payerID: "Other", order: .primary, effective: EffectivePeriod(from: day("2026-06-01")))
        #expect(throws: Patient.Rejection.orderTaken(.primary)) {
            try decide(.recordCoverage(overlap, on: date), withLatePrimary)
        }
    }

    @Test("authorizations are recorded, consumed and released without going negative")
    func authorizations() throws {
        var auth = Fx.auth
        auth.number = "AUTH-88"
        #expect(try decide(.recordAuthorization(auth, on: date), Fx.patientState).count == 1)
        #expect(throws: Patient.Rejection.authorizationExists("AUTH-77")) {
            try decide(.recordAuthorization(Fx.auth, on: date), Fx.patientState)
        }
        let (used, _) = try apply(
            Patient.decide, Patient.evolve,
            .consumeAuthorizationUnits(number: "AUTH-77", units: units(8), claimID: "c", on: date), to: Fx.patientState)
        #expect(used.authorizations["AUTH-77"]?.remaining == units(2))
        #expect(
            throws: Patient.Rejection.authorizationExhausted(
                number: "AUTH-77", remaining: units(2), requested: units(3))
        ) {
            try decide(.consumeAuthorizationUnits(number: "AUTH-77", units: units(3), claimID: "c", on: date), used)
        }
        #expect(
            throws: Patient.Rejection.releaseExceedsConsumed(number: "AUTH-77", consumed: units(8), requested: units(9))
        ) {
            try decide(.releaseAuthorizationUnits(number: "AUTH-77", units: units(9), claimID: "c", on: date), used)
        }
        let (released, _) = try apply(
            Patient.decide, Patient.evolve,
            .releaseAuthorizationUnits(number: "AUTH-77", units: units(8), claimID: "c", on: date), to: used)
        #expect(released.authorizations["AUTH-77"]?.remaining == units(10))
        #expect(throws: Patient.Rejection.unknownAuthorization("NOPE")) {
            try decide(
                .consumeAuthorizationUnits(number: "NOPE", units: units(1), claimID: "c", on: date), Fx.patientState)
        }
        #expect(throws: Patient.Rejection.nonPositiveUnits) {
            try decide(
                .consumeAuthorizationUnits(number: "AUTH-77", units: .zero, claimID: "c", on: date), Fx.patientState)
        }
    }

    @Test("the substance-use flag and identity destruction are recorded once")
    func flagsAndForgetting() throws {
        let (flagged, _) = try apply(
            Patient.decide, Patient.evolve, .flagSubstanceUseRecords(on: date), to: Fx.patientState)
        #expect(flagged.substanceUseSensitive)
        #expect(throws: Patient.Rejection.alreadyFlagged) { try decide(.flagSubstanceUseRecords(on: date), flagged) }
        let (forgotten, _) = try apply(Patient.decide, Patient.evolve, .forgetIdentity(on: date), to: Fx.patientState)
        #expect(forgotten.identityForgotten && forgotten.identityDigest == nil)
        #expect(throws: Patient.Rejection.identityAlreadyForgotten) { try decide(.forgetIdentity(on: date), forgotten) }
    }

    @Test("the identity record never prints its contents")
    func identityRedacted() {
        let identity = PatientIdentity(
            firstName: "Ada", lastName: "Lovelace", dateOfBirth: day("1990-12-10"),
            address: "1 Main St", phone: "555-0100", memberID: "MEM123")
        #expect(String(describing: identity) == "PatientIdentity(redacted)")
        #expect(String(reflecting: identity) == "PatientIdentity(redacted)")
        #expect(!"\(identity)".contains("Ada"))
    }
}
