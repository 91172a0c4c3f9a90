import Billing

/// A date from `"YYYY-MM-DD"`.
func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// An amount from `"125.50"`.
func usd(_ text: String) -> Money { Money(parsing: text)! }

/// An ICD-10-CM code.
func dx(_ text: String) -> ICD10Code { ICD10Code(text)! }

/// A whole number of units.
func units(_ n: Int) -> Quantity { Quantity(units: n) }

/// The period `"YYYY-MM"`.
func period(_ text: String) -> AccountingPeriod { AccountingPeriod(text)! }

/// Shared test data: a practice with three clinicians and two payers, a patient, sessions.
enum Fx {
    static let therapist: ProviderID = "p-lcsw"
    static let associate: ProviderID = "p-assoc"
    static let psychiatrist: ProviderID = "p-md"
    static let acme: PayerID = "ACME"
    static let medicaid: PayerID = "MCD"
    static let secondary: PayerID = "SECOND"
    static let patient: PatientKey = "pk-1"
    static let claimID: ClaimID = "c-1"
    static let claimNumber = ClaimNumber("RC-1001")!
    static let may = period("2026-03")

    static let acmeRule = PayerRule(effectiveFrom: day("2026-01-01"), timelyFilingDays: 90, timelyFilingMarginDays: 10)
    static let medicaidRule = PayerRule(
        effectiveFrom: day("2026-01-01"), timelyFilingDays: 365, authorizationRequired: true,
        telehealthPlaces: ["02", "10"], telehealthModifiers: ["GT", "95"], audioOnlyAllowed: true, appealDays: 60,
        behavioralCarveOut: true)

    static let practiceEvents: [Practice.Event] = {
        let commands: [Practice.Command] = [
            .configure(practiceID: "prac-1", timeZone: "America/Chicago", on: day("2026-01-01")),
            .addProvider(
                Provider(id: therapist, npi: "1234567893", taxonomy: "1041C0700X", licence: .licensedTherapist),
                on: day("2026-01-01")),
            .addProvider(
                Provider(id: psychiatrist, npi: "1987654328", taxonomy: "2084P0800X", licence: .physician),
                on: day("2026-01-01")),
            .addProvider(
                Provider(
                    id: associate, npi: "1555555550", taxonomy: "101YM0800X", licence: .preLicensed,
                    supervisor: therapist), on: day("2026-01-01")),
            .enrollPayer(
                payerID: acme, name: "Acme Health", providers: [therapist, psychiatrist, associate],
                on: day("2026-01-01")),
            .enrollPayer(payerID: medicaid, name: "State Medicaid MCO", providers: [therapist], on: day("2026-01-01")),
            .enrollPayer(
                payerID: secondary, name: "Second Plan", providers: [therapist, psychiatrist], on: day("2026-01-01")),
            .setPayerRule(payerID: acme, rule: acmeRule, on: day("2026-01-01")),
            .setPayerRule(payerID: medicaid, rule: medicaidRule, on: day("2026-01-01")),
            .setPayerRule(payerID: secondary, rule: acmeRule, on: day("2026-01-01")),
            .setContractRates(
                payerID: acme,
                rates: [RateEntry(code: "90837", amount: usd("120.00"), effectiveFrom: day("2026-01-01"))],
                on: day("2026-01-01")),
            .setFeeSchedule(
                [
                    RateEntry(code: "90837", amount: usd("200.00"), effectiveFrom: day("2026-01-01")),
                    RateEntry(code: "90834", amount: usd("150.00"), effectiveFrom: day("2026-01-01")),
                    RateEntry(code: "90791", amount: usd("250.00"), effectiveFrom: day("2026-01-01")),
                ], on: day("2026-01-01")),
        ]
        var state = Practice.initial
        var events: [Practice.Event] = []
        for command in commands {
            let new = try! Practice.decide(command, state)
            events += new
            state = Practice.replay(new, from: state)
        }
        return events
    }()

    static var practice: Practice.State { Practice.replay(practiceEvents) }

    static let auth = Authorization(
        number: "AUTH-77", payerID: medicaid, codes: ["90837", "90834"], units: units(10),
        window: EffectivePeriod(from: day("2026-01-01"), through: day("2026-06-30")))

    static var patientState: Patient.State {
        Patient.replay([
            .registered(.init(patientKey: patient, identityDigest: "sha256:abc", effectiveDate: day("2026-01-01"))),
            .coverageRecorded(
                .init(
                    patientKey: patient,
                    coverage: Coverage(
                        id: "cov-1", payerID: acme, order: .primary, copay: usd("20.00"), coinsurancePercent: 20,
                        deductible: usd("500.00"), effective: EffectivePeriod(from: day("2026-01-01"))),
                    effectiveDate: day("2026-01-01"))),
            .coverageRecorded(
                .init(
                    patientKey: patient,
                    coverage: Coverage(
                        id: "cov-2", payerID: medicaid, order: .secondary,
                        effective: EffectivePeriod(from: day("2026-01-01"))),
                    effectiveDate: day("2026-01-01"))),
            .authorizationRecorded(.init(patientKey: patient, authorization: auth, effectiveDate: day("2026-01-01"))),
        ])
    }

    static func session(
        _ id: SessionID = "s-1", on date: String = "2026-03-02", code: String = "90837", minutes: Int = 60,
        charge: String = "200.00", rendering: ProviderID = therapist, pos: String = "11",
        telehealth: TelehealthMode? = nil, modifiers: [String] = [], diagnoses: [ICD10Code] = [dx("F32.9")],
        extra: [ServiceLine] = []
    ) -> SessionRecord {
        SessionRecord(
            sessionID: id, patientKey: patient, dateOfService: day(date), rendering: rendering,
            supervising: rendering == associate ? therapist : nil, placeOfService: pos, telehealth: telehealth,
            minutes: minutes, diagnoses: diagnoses,
            lines: [ServiceLine(code: code, modifiers: modifiers, charge: usd(charge))] + extra)
    }

    /// A created claim for the given sessions (no decider validation beyond creation).
    static func claim(
        _ sessions: [SessionRecord] = [session()], payer: PayerID = acme, auth: String? = nil
    ) -> Claim.State {
        let events = try! Claim.decide(
            .create(
                claimID: claimID, claimNumber: claimNumber, payerID: payer, sessions: sessions,
                authorizationNumber: auth, on: day("2026-03-03"), period: may), Claim.initial)
        return Claim.replay(events)
    }

    static func context(today: String = "2026-03-05", others: [Claim.State] = []) -> ScrubContext {
        ScrubContext(practice: practice, patient: patientState, otherClaims: others, today: day(today))
    }

    /// A claim created, scrubbed clean and submitted.
    static func submittedClaim(_ sessions: [SessionRecord] = [session()], payer: PayerID = acme, auth: String? = nil)
        -> Claim.State
    {
        var state = claim(sessions, payer: payer, auth: auth)
        state = Claim.replay(try! Claim.decide(.scrub(context(), on: day("2026-03-03")), state), from: state)
        return Claim.replay(try! Claim.decide(.submit(on: day("2026-03-03")), state), from: state)
    }

    /// The worked example of the primer: 90837 billed 200, paid 96, CO-45 80, PR-2 24.
    static func paidRemit(line: LineID = "RC-1001-1", pcn: String = "ICN-1", payer: PayerID = acme) -> Adjudication {
        Adjudication(
            statusCode: "1", payerClaimNumber: pcn, payerID: payer, adjudicatedOn: day("2026-03-20"),
            lines: [
                LineAdjudication(
                    lineID: line, code: "90837", charge: usd("200.00"), paid: usd("96.00"), allowed: usd("120.00"),
                    adjustments: [
                        CASAdjustment(.contractual, "45", usd("80.00")), CASAdjustment(.patient, "2", usd("24.00")),
                    ])
            ])
    }

    static func deniedRemit(line: LineID = "RC-1001-1", pcn: String = "ICN-2") -> Adjudication {
        Adjudication(
            statusCode: "1", payerClaimNumber: pcn, payerID: acme, adjudicatedOn: day("2026-03-20"),
            lines: [
                LineAdjudication(
                    lineID: line, code: "90837", charge: usd("200.00"), paid: .zero,
                    adjustments: [CASAdjustment(.contractual, "197", usd("200.00"))], remarks: ["N54"])
            ])
    }
}

/// Applies a command to a state, returning the new state and the events, or failing the test.
func apply<S, C, E, R: Error>(
    _ decide: (C, S) throws(R) -> [E], _ evolve: (S, E) -> S, _ command: C, to state: S
) throws -> (S, [E]) {
    let events = try decide(command, state)
    return (events.reduce(state, evolve), events)
}

/// Expects the money identity of a claim: charges = paid + patient paid + adjustments + write-offs − refunds + balance.
func balances(_ c: Claim.State) -> Bool {
    c.charges == c.insurancePaid + c.patientPaid + c.adjustments + c.writeOffs - c.refunds + c.insuranceBalance
        + c.patientBalance
}
