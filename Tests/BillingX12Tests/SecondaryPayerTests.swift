import Billing
import BillingX12
import Testing
import TestSupport
import X12

@Suite("Secondary payer through the loop")
struct SecondaryPayerTests {
    @Test(
        "primary PR moves to the secondary, the 837P carries loop 2320, and the secondary's OA-23 is recorded, not posted"
    )
    func secondary() throws {
        let key = PatientKey("pk-cob")
        let primary = Coverage(
            id: "cov-p", payerID: World.acme, order: .primary, copay: usd("20.00"), coinsurancePercent: 20,
            effective: EffectivePeriod(from: day("2026-01-01")))
        let secondary = Coverage(
            id: "cov-s", payerID: World.medicaid, order: .secondary, effective: EffectivePeriod(from: day("2026-01-01"))
        )
        let patient = Patient.replay([
            .registered(.init(patientKey: key, identityDigest: "sha256:cob", effectiveDate: day("2026-01-01"))),
            .coverageRecorded(.init(patientKey: key, coverage: primary, effectiveDate: day("2026-01-01"))),
            .coverageRecorded(.init(patientKey: key, coverage: secondary, effectiveDate: day("2026-01-01"))),
        ])
        let identity = PatientIdentity(
            firstName: "Cob", lastName: "Doe", dateOfBirth: day("1980-02-02"), address: "1 Elm St, Austin, TX 78701",
            phone: "5125550000", memberID: "M-COB")
        let number = ClaimNumber("RC-2001")!
        var claim = Claim.initial
        let session = SessionRecord(
            sessionID: "s-cob", patientKey: key, dateOfService: day("2026-03-02"), rendering: World.therapist,
            minutes: 60, diagnoses: [ICD10Code("F32.9")!], lines: [ServiceLine(code: "90837", charge: usd("200.00"))])
        for command: Claim.Command in [
            .create(
                claimID: "c-cob", claimNumber: number, payerID: World.acme, sessions: [session],
                authorizationNumber: nil,
                on: World.today, period: AccountingPeriod(containing: World.today)),
            .scrub(ScrubContext(practice: World.practice, patient: patient, today: World.today), on: World.today),
            .submit(on: World.today),
        ] {
            claim = Claim.replay(try Claim.decide(command, claim), from: claim)
        }
        var simulator = PayerSimulator(
            seed: 1,
            settings: .plain)
        var control = 1

        func round(payer: PayerID, coverage: Coverage, filing: String) throws {
            let batch = try World.builder.build(
                payer: payer, claims: [ClaimSubmission(claim: claim, coverage: coverage, patient: identity)],
                control: World.control(control), filingIndicator: filing)
            let bytes = try batch.interchange.x12()
            try X12Validator.validate(bytes: bytes)
            let read = try X12File(bytes: bytes).professionalClaims().interchanges[0]
            if payer == World.medicaid {
                let text = String(decoding: bytes, as: UTF8.self)
                let primary = try #require(claim.adjudications.first)
                let line = try #require(primary.adjudication.lines.first)
                let other = try #require(read.claims[0].otherPayers.first)
                #expect(read.claims[0].otherPayers.count == 1)
                #expect(other.payer.id == "ACME1" && other.payerSequence == "P" && other.filingIndicator == "CI")
                // Loop 2320: the primary's paid amount and what it left to the patient; its CAS are line-level (2430).
                #expect(other.paidAmount == primary.posting.paid.x12Amount)
                #expect(other.remainingPatientLiability == primary.posting.patientResponsibility.total.x12Amount)
                #expect(text.contains("AMT*D*") && text.contains("AMT*EAF*"))
                // Loop 2430: SVD with the primary's id and paid amount, the line's CAS, DTP*573.
                let adjudicated = try #require(read.claims[0].lines.first?.otherPayerAdjudications.first)
                #expect(adjudicated.payerID == "ACME1" && adjudicated.paid == line.paid.x12Amount)
                #expect(adjudicated.adjudicationDate == primary.adjudication.adjudicatedOn.x12Date)
                #expect(
                    adjudicated.adjustments.map { "\($0.group)-\($0.reason)-\($0.amount)" }.sorted()
                        == line.adjustments.map { "\($0.group.rawValue)-\($0.reason)-\($0.amount.x12Amount)" }.sorted())
                #expect(text.contains("SVD*ACME1*") && text.contains("DTP*573*D8*"))
                // CLM02 − AMT*D = Σ CAS of that payer (2320 and 2430): the guide's balancing rule.
                let cas = other.adjustments.map(\.amount).sum()
                    + read.claims[0].lines.flatMap(\.otherPayerAdjudications).flatMap(\.adjustments).map(\.amount).sum()
                #expect(read.claims[0].totalCharge - (other.paidAmount ?? .zero) == cas)
            }
            let response = try simulator.respond(
                to: read,
                controls: SimulatorControls(
                    senderID: "SIM", date: X12Date(year: 2026, month: 3, day: 12)!, time: X12Time(hour: 7, minute: 0)!,
                    firstControlNumber: control * 10))
            control += 1
            for file in response.files {
                let contents = try X12File(bytes: file.bytes).contents()
                for ack in contents.claimAcknowledgments {
                    for item in AcknowledgmentPosting.plan(ack, receivedOn: World.today, claim: { _ in claim }).commands {
                        claim = Claim.replay(try Claim.decide(item.command, claim), from: claim)
                    }
                }
                for remittance in contents.remittances {
                    #expect(remittance.balanceFindings().isEmpty)
                    let plan = RemittancePosting.plan(
                        remittance,
                        lookup: RemittanceLookup(claims: [
                            number: ClaimContext(claim: claim, practice: World.practice, patient: patient)
                        ]),
                        options: .init(receivedOn: World.today, payerID: PayerCatalog.world().payer(for: remittance)))
                    #expect(plan.unapplied.isEmpty, "\(plan.unapplied)")
                    for command in plan.claims.flatMap(\.commands) {
                        claim = Claim.replay(try Claim.decide(command, claim), from: claim)
                    }
                }
            }
        }

        try round(payer: World.acme, coverage: primary, filing: "CI")
        #expect(claim.status == .awaitingNextPayer)
        #expect(claim.payerID == World.medicaid)
        let owedBySecondary = claim.insuranceBalance
        #expect(owedBySecondary > .zero)
        claim = Claim.replay(
            try Claim.decide(
                .scrub(ScrubContext(practice: World.practice, patient: patient, today: World.today), on: World.today),
                claim),
            from: claim)
        claim = Claim.replay(try Claim.decide(.submit(on: World.today), claim), from: claim)
        try round(payer: World.medicaid, coverage: secondary, filing: "MC")

        #expect(balances(claim))
        #expect(claim.adjudications.count == 2)
        #expect(claim.adjudications.last?.adjudication.statusCode == "2")
        #expect(claim.adjudications.last?.posting.priorPayerImpact == usd("200.00") - owedBySecondary)
        #expect(claim.adjudications.last?.posting.paid == owedBySecondary)
        #expect(claim.balance == .zero)
    }
}
