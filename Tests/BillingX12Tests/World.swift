import Billing
import BillingX12
import X12

/// A date from `"YYYY-MM-DD"`.
func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// An amount from `"125.50"`.
func usd(_ text: String) -> Money { Money(parsing: text)! }

/// The money identity of a claim: charges = paid + patient paid + adjustments + write-offs − refunds + balance.
func balances(_ c: Claim.State) -> Bool {
    c.charges == c.insurancePaid + c.patientPaid + c.adjustments + c.writeOffs - c.refunds + c.insuranceBalance
        + c.patientBalance
}

/// A small billing company in memory: one practice, two payers, patients with coverages, and claims created,
/// scrubbed and submitted through the deciders.
struct World {
    static let therapist: ProviderID = "p-lcsw"
    static let associate: ProviderID = "p-assoc"
    static let psychiatrist: ProviderID = "p-md"
    static let acme: PayerID = "ACME1"
    static let medicaid: PayerID = "MCD01"
    static let today = day("2026-03-10")

    static let practice: Practice.State = {
        let rule = PayerRule(effectiveFrom: day("2026-01-01"), timelyFilingDays: 90, timelyFilingMarginDays: 10)
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
            .enrollPayer(
                payerID: medicaid, name: "State Medicaid MCO", providers: [therapist, associate], on: day("2026-01-01")),
            .setPayerRule(payerID: acme, rule: rule, on: day("2026-01-01")),
            .setPayerRule(payerID: medicaid, rule: rule, on: day("2026-01-01")),
            .setContractRates(
                payerID: acme,
                rates: [RateEntry(code: "90837", amount: usd("120.00"), effectiveFrom: day("2026-01-01"))],
                on: day("2026-01-01")),
            .setFeeSchedule(
                [
                    RateEntry(code: "90837", amount: usd("200.00"), effectiveFrom: day("2026-01-01")),
                    RateEntry(code: "90834", amount: usd("150.00"), effectiveFrom: day("2026-01-01")),
                    RateEntry(code: "90791", amount: usd("250.00"), effectiveFrom: day("2026-01-01")),
                    RateEntry(code: "90785", amount: usd("30.00"), effectiveFrom: day("2026-01-01")),
                ], on: day("2026-01-01")),
        ]
        var state = Practice.initial
        for command in commands { state = Practice.replay(try! Practice.decide(command, state), from: state) }
        return state
    }()

    static let names: [ProviderID: PersonName] = [
        therapist: PersonName(last: "Rivera", first: "Ana"), associate: PersonName(last: "Okafor", first: "Ben"),
        psychiatrist: PersonName(last: "Lindqvist", first: "Clara"),
    ]

    static let parties = SubmissionParties(
        submitter: .init(name: "Cycle Billing LLC", etin: "CYCLE01", contactName: "EDI Desk", phone: "5125550100"),
        receiver: .init(name: "Sim Clearinghouse", id: "SIMCH"), senderID: "CYCLE01", receiverID: "SIMCH")

    static let billingProvider = BillingProviderIdentity(
        name: PersonName(last: "Lakeside Counseling Group"), npi: "1245319599", taxID: "741234567",
        taxonomy: "261QM0801X",
        address: Address(line1: "100 Main St", city: "Austin", state: "TX", postalCode: "787010001"))

    /// The payers as they know themselves (here their X12 ids happen to equal our ids).
    static let payerIdentities: [PayerID: SubmissionPayer] = [
        acme: SubmissionPayer(name: "Acme Health", x12PayerID: "ACME1"),
        medicaid: SubmissionPayer(name: "State Medicaid MCO", x12PayerID: "MCD01"),
    ]

    static let builder = ProfessionalClaimBuilder(
        parties: parties, billingProvider: billingProvider, practice: practice, providerNames: names, payers: payerIdentities)

    /// A patient: key, state with one coverage, identity, and optionally a subscriber.
    struct Member {
        var key: PatientKey
        var state: Patient.State
        var coverage: Coverage
        var identity: PatientIdentity
        var subscriber: PatientIdentity?
    }

    static func member(_ n: Int, payer: PayerID) -> Member {
        let key = PatientKey("pk-\(n)")
        let relation: SubscriberRelation = n % 5 == 4 ? .child : .self
        let coverage = Coverage(
            id: CoverageID("cov-\(n)"), payerID: payer, order: .primary, relation: relation,
            copay: usd("20.00"), coinsurancePercent: 20, deductible: usd("500.00"),
            effective: EffectivePeriod(from: day("2026-01-01")))
        let state = Patient.replay([
            .registered(.init(patientKey: key, identityDigest: "sha256:\(n)", effectiveDate: day("2026-01-01"))),
            .coverageRecorded(.init(patientKey: key, coverage: coverage, effectiveDate: day("2026-01-01"))),
        ])
        let identity = PatientIdentity(
            firstName: "Pat\(n)", lastName: "Doe", dateOfBirth: day("1990-05-\(10 + n % 18)"),
            address: "\(n) Oak Ave, Austin, TX 78701-0002", phone: "5125550000", memberID: "M\(100_000 + n)",
            subscriberID: relation == .self ? nil : "S\(100_000 + n)")
        let subscriber =
            relation == .self
            ? nil
            : PatientIdentity(
                firstName: "Sub\(n)", lastName: "Doe", dateOfBirth: day("1970-01-01"),
                address: "\(n) Oak Ave, Austin, TX 78701", phone: "5125550000", memberID: "S\(100_000 + n)")
        return Member(key: key, state: state, coverage: coverage, identity: identity, subscriber: subscriber)
    }

    /// The sessions of claim `n`: mostly one 90837 or 90834, some with 90785, some telehealth, some by the associate.
    static func sessions(_ n: Int, patient: PatientKey) -> [SessionRecord] {
        let date = day("2026-03-0\(1 + n % 5)")
        let rendering = n % 7 == 3 ? associate : therapist
        var lines = [ServiceLine(code: n % 3 == 0 ? "90834" : "90837", charge: usd(n % 3 == 0 ? "150.00" : "200.00"))]
        if n % 6 == 1 {
            lines = [
                ServiceLine(code: "90791", charge: usd("250.00")), ServiceLine(code: "90785", charge: usd("30.00")),
            ]
        }
        let tele = n % 4 == 2
        if tele {
            lines = lines.map {
                var l = $0
                l.modifiers = ["95"]
                return l
            }
        }
        var sessions = [
            SessionRecord(
                sessionID: SessionID("s-\(n)-a"), patientKey: patient, dateOfService: date, rendering: rendering,
                supervising: rendering == associate ? therapist : nil, placeOfService: tele ? "10" : "11",
                telehealth: tele ? .audioVideo : nil, minutes: n % 3 == 0 ? 45 : 60,
                diagnoses: [ICD10Code(n % 2 == 0 ? "F41.1" : "F32.9")!, ICD10Code("Z63.0")!], lines: lines)
        ]
        if n % 8 == 5 {
            sessions.append(
                SessionRecord(
                    sessionID: SessionID("s-\(n)-b"), patientKey: patient, dateOfService: date.adding(days: 1),
                    rendering: rendering, supervising: rendering == associate ? therapist : nil, minutes: 55,
                    diagnoses: [ICD10Code("F43.10")!], lines: [ServiceLine(code: "90837", charge: usd("200.00"))]))
        }
        return sessions
    }

    var members: [Member] = []
    var claims: [ClaimNumber: Claim.State] = [:]
    var order: [ClaimNumber] = []
    var memberOfClaim: [ClaimNumber: Int] = [:]

    /// `count` claims created, scrubbed and submitted; every fifth one to Medicaid.
    init(count: Int) throws {
        for n in 1...count {
            let payer = n % 5 == 0 ? Self.medicaid : Self.acme
            let member = Self.member(n, payer: payer)
            members.append(member)
            let number = ClaimNumber("RC-\(1000 + n)")!
            var state = Claim.initial
            let commands: [Claim.Command] = [
                .create(
                    claimID: ClaimID("c-\(n)"), claimNumber: number, payerID: payer,
                    sessions: Self.sessions(n, patient: member.key), authorizationNumber: nil, on: Self.today,
                    period: AccountingPeriod(containing: Self.today)),
                .scrub(
                    ScrubContext(
                        practice: Self.practice, patient: member.state, today: Self.today,
                        identity: IdentityFacts(identity: member.identity)), on: Self.today),
                .submit(on: Self.today),
            ]
            for command in commands { state = Claim.replay(try Claim.decide(command, state), from: state) }
            claims[number] = state
            order.append(number)
            memberOfClaim[number] = members.count - 1
        }
    }

    /// The submissions of the claims billed to `payer`.
    func submissions(payer: PayerID) -> [ClaimSubmission] {
        order.compactMap { number in
            let claim = claims[number]!
            guard claim.payerID == payer else { return nil }
            let member = members[memberOfClaim[number]!]
            return ClaimSubmission(
                claim: claim, coverage: member.coverage, patient: member.identity, subscriber: member.subscriber,
                groupNumber: "GRP-7", laterCoverages: member.state.coverages.values.filter { $0.order > claim.payerOrder })
        }
    }

    /// The claim context for remittance posting.
    func context(_ number: ClaimNumber) -> ClaimContext? {
        guard let claim = claims[number], let index = memberOfClaim[number] else { return nil }
        return ClaimContext(claim: claim, practice: Self.practice, patient: members[index].state)
    }

    static func control(_ n: Int) -> SubmissionControl {
        SubmissionControl(
            interchangeControlNumber: n, groupControlNumber: n, transactionControlNumber: "\(1000 + n)",
            batchReference: "BATCH\(n)", date: X12Date(year: 2026, month: 3, day: 10)!,
            time: X12Time(hour: 9, minute: 30)!)
    }
}
