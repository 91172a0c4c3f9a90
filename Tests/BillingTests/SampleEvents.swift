import Billing

/// Runs a scenario through every decider and collects one or more events of every type.
enum SampleEvents {
    static func all() throws -> [BillingEvent] {
        var out: [BillingEvent] = Fx.practiceEvents.map(BillingEvent.practice)
        var practice = Fx.practice
        for command: Practice.Command in [
            .enrollProvider(Fx.psychiatrist, payerID: Fx.medicaid, on: day("2026-02-01")),
            .closePeriod(period("2026-01"), on: day("2026-02-05")),
        ] {
            let events = try Practice.decide(command, practice)
            practice = Practice.replay(events, from: practice)
            out += events.map(BillingEvent.practice)
        }

        var patient = Patient.initial
        for command: Patient.Command in [
            .register(key: Fx.patient, identityDigest: "sha256:abc", on: day("2026-01-01")),
            .recordCoverage(
                Coverage(
                    id: "cov-1", payerID: Fx.acme, order: .primary, copay: usd("20.00"), coinsurancePercent: 20,
                    deductible: usd("500.00"), effective: EffectivePeriod(from: day("2026-01-01"))),
                on: day("2026-01-01")),
            .recordAuthorization(Fx.auth, on: day("2026-01-01")),
            .consumeAuthorizationUnits(number: "AUTH-77", units: units(1), claimID: Fx.claimID, on: day("2026-03-03")),
            .releaseAuthorizationUnits(number: "AUTH-77", units: units(1), claimID: Fx.claimID, on: day("2026-03-21")),
            .flagSubstanceUseRecords(on: day("2026-03-03")),
            .forgetIdentity(on: day("2027-01-01")),
        ] {
            let events = try Patient.decide(command, patient)
            patient = Patient.replay(events, from: patient)
            out += events.map(BillingEvent.patient)
        }

        var session = Session.initial
        for command: Session.Command in [
            .log(Fx.session(), on: day("2026-03-02")),
            .correct(
                Fx.session(code: "90834", minutes: 45, charge: "150.00"), reason: "note amended", on: day("2026-03-02")),
            .void(reason: "entered twice", on: day("2026-03-03")),
        ] {
            let events = try Session.decide(command, session)
            session = Session.replay(events, from: session)
            out += events.map(BillingEvent.session)
        }

        var claim = Claim.initial
        let april = period("2026-04")
        let commands: [Claim.Command] = [
            .create(
                claimID: Fx.claimID, claimNumber: Fx.claimNumber, payerID: Fx.acme, sessions: [Fx.session()],
                authorizationNumber: nil, on: day("2026-03-03"), period: Fx.may),
            .scrub(Fx.context(), on: day("2026-03-03")),
            .submit(on: day("2026-03-03")),
            .reject(category: "A7", statusCode: "33", message: "Subscriber id invalid", on: day("2026-03-04")),
            .scrub(Fx.context(), on: day("2026-03-05")),
            .submit(on: day("2026-03-05")),
            .acknowledge(payerClaimNumber: "ICN-2", on: day("2026-03-06")),
            .adjudicate(
                Fx.deniedRemit(), context: .init(denialID: "d-1", appealDays: 60), on: day("2026-03-21"), period: Fx.may
            ),
            .assignDenial("d-1", owner: "staff-ann", dueDate: nil, on: day("2026-03-22")),
            .appeal("d-1", reference: "APL-1", on: day("2026-03-25")),
            .adjudicate(
                Fx.paidRemit(pcn: "ICN-3"),
                context: .init(denialID: "d-2", expectedAllowed: ["RC-1001-1": usd("125.00")]), on: day("2026-04-02"),
                period: april),
            .applyPatientPayment("pay-1", amount: usd("24.00"), on: day("2026-04-05"), period: april),
            .close(on: day("2026-04-05")),
            .reverseAdjudication(payerClaimNumber: "ICN-3", on: day("2026-04-10"), period: april),
            .refundPatient("ref-1", amount: usd("24.00"), on: day("2026-04-11"), period: april),
            .adjudicate(
                Fx.paidRemit(pcn: "ICN-4"), context: .init(denialID: "d-3"), on: day("2026-04-11"), period: april),
            .writeOff(
                amount: usd("20.00"), reason: .courtesy, side: .patient, denialID: nil, on: day("2026-04-12"),
                period: april),
            .correct(
                sessions: [Fx.session(code: "90834", minutes: 45, charge: "150.00")], reason: "wrong code",
                on: day("2026-04-13"), period: april),
        ]
        for command in commands {
            let events = try Claim.decide(command, claim)
            claim = Claim.replay(events, from: claim)
            out += events.map(BillingEvent.claim)
        }
        let denied = Claim.replay(
            try Claim.decide(
                .adjudicate(Fx.deniedRemit(), context: .init(denialID: "d-9"), on: day("2026-03-21"), period: Fx.may),
                Fx.submittedClaim()), from: Fx.submittedClaim())
        out += try Claim.decide(
            .transferToPatient(
                amount: usd("20.00"), reason: "non-covered, waiver signed", on: day("2026-03-22"), period: Fx.may),
            denied
        ).map(BillingEvent.claim)
        out += try Claim.decide(.void(reason: "sent in error", on: day("2026-03-22"), period: Fx.may), denied)
            .map(BillingEvent.claim)

        var account = PatientAccount.initial
        for command: PatientAccount.Command in [
            .open(Fx.patient, selfPay: true, on: day("2026-01-05")),
            .createEstimate(
                "gfe-1", items: [EstimateItem(code: "90837", quantity: 10, unitCharge: usd("150.00"))],
                validThrough: day("2026-12-31"), on: day("2026-01-05")),
            .postCharge(.session("s-1"), amount: usd("150.00"), on: day("2026-01-10"), period: period("2026-01")),
            .generateStatement("st-1", dueDate: day("2026-02-10"), on: day("2026-01-11")),
            .receivePayment(
                "pay-1", amount: usd("160.00"), method: .card, on: day("2026-01-12"), period: period("2026-01")),
            .issueRefund("ref-1", amount: usd("10.00"), on: day("2026-01-13"), period: period("2026-01")),
            .postCharge(.claim(Fx.claimID), amount: usd("24.00"), on: day("2026-03-21"), period: Fx.may),
            .reverseCharge(.claim(Fx.claimID), amount: usd("4.00"), on: day("2026-03-22"), period: Fx.may),
            .adjust(amount: usd("10.00"), reason: "sliding scale", on: day("2026-03-22"), period: Fx.may),
            .writeOff(amount: usd("10.00"), reason: .smallBalance, on: day("2026-03-23"), period: Fx.may),
            .issueSuperbill(
                "sb-1",
                Superbill(
                    providerNPI: "1234567893",
                    lines: [
                        SuperbillLine(
                            dateOfService: day("2026-01-10"), code: "90837", diagnoses: [dx("F41.1")],
                            charge: usd("150.00"))
                    ], amountPaid: usd("150.00")), on: day("2026-01-15")),
        ] {
            let events = try PatientAccount.decide(command, account)
            account = PatientAccount.replay(events, from: account)
            out += events.map(BillingEvent.account)
        }
        return out
    }
}
