import Billing
import BillingX12
import Testing
import X12

/// Builders of 835 values for the posting tests.
enum Remit {
    static func amount(_ text: String) -> X12Amount { X12Amount(x12: text)! }

    static func line(
        _ control: String?, code: String = "90837", charge: String = "200", paid: String, date: String = "20260303",
        _ adjustments: [(String, String, String)]
    ) -> ServicePayment {
        ServicePayment(
            procedure: ProcedureCode(code: code), charge: amount(charge), paid: amount(paid),
            dates: [QualifiedDate("472", DatePeriod(start: X12Date(x12: date)!))],
            adjustments: adjustments.map { Adjustment(group: $0.0, reason: $0.1, amount: amount($0.2)) },
            lineControlNumber: control)
    }

    static func claim(
        _ number: String, status: String = "1", icn: String, charge: String = "200", paid: String,
        _ lines: [ServicePayment]
    ) -> ClaimPayment {
        ClaimPayment(
            patientControlNumber: number, status: status, charge: amount(charge), paid: amount(paid),
            payerClaimNumber: icn, lines: lines)
    }

    static func remittance(_ claims: [ClaimPayment], bpr: String, plb: [ProviderAdjustment.Item] = []) -> Remittance {
        Remittance(
            controlNumber: "0001",
            payment: .init(handlingCode: "C", amount: amount(bpr), method: "ACH", date: X12Date(x12: "20260320")!),
            trace: .init(number: "EFT123", originatorID: "1ACME1"),
            payer: .init(name: "Acme Health", identifier: "ACME1"),
            payee: .init(name: "Lakeside", idQualifier: "XX", id: "1245319599"), claims: claims,
            providerAdjustments: plb.isEmpty
                ? []
                : [
                    ProviderAdjustment(
                        providerID: "1245319599", fiscalPeriodDate: X12Date(x12: "20261231")!, items: plb)
                ])
    }
}

@Suite("835 in: remittance posting")
struct RemittancePostingTests {
    let world: World
    init() throws { world = try World(count: 4) }

    var lookup: RemittanceLookup {
        RemittanceLookup(claims: Dictionary(uniqueKeysWithValues: world.order.map { ($0, world.context($0)!) }))
    }

    func post(_ plan: RemittancePlan) throws -> [ClaimNumber: Claim.State] {
        var claims = world.claims
        for item in plan.claims {
            for command in item.commands {
                claims[item.claimNumber] = Claim.replay(
                    try Claim.decide(command, claims[item.claimNumber]!), from: claims[item.claimNumber]!)
            }
        }
        return claims
    }

    @Test(
        "CO-45 posts as a contractual adjustment and PR-2 as coinsurance moved to the patient; the key is payer, trace, amount, date"
    )
    func workedExample() throws {
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "96",
                    [Remit.line("RC-1002-1", paid: "96", [("CO", "45", "80"), ("PR", "2", "24")])])
            ],
            bpr: "96")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.key.description == "ACME1|EFT123|96.00|20260320")
        #expect(plan.unapplied.isEmpty)
        #expect(!plan.requiresAcceptance)
        guard case .adjudicated(let event) = plan.claims.first?.previewEvents.first else {
            Issue.record("no adjudication")
            return
        }
        #expect(event.posting.paid == usd("96.00"))
        #expect(event.posting.adjustments == usd("80.00"))
        #expect(event.posting.patientResponsibility.coinsurance == usd("24.00"))
        #expect(event.patientResponsibilityTo == .patient)
        let claim = try post(plan)[ClaimNumber("RC-1002")!]!
        #expect(balances(claim))
        #expect(claim.patientBalance == usd("24.00"))
        #expect(claim.insuranceBalance == .zero)
    }

    @Test("a line paid below the contracted rate is flagged as underpaid; a denial is listed in the plan")
    func underpaid() throws {
        var denied = Remit.line(
            "RC-1003-1", code: "90834", charge: "150", paid: "0", date: "20260304", [("CO", "50", "150")])
        denied.remarkCodes = ["N130"]
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "90",
                    [Remit.line("RC-1002-1", paid: "90", [("CO", "45", "86"), ("PR", "2", "24")])]),
                Remit.claim("RC-1003", icn: "ICN2", charge: "150", paid: "0", [denied]),
            ], bpr: "90")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.claims.map { $0.underpaidLines.map(\.rawValue) } == [["RC-1002-1"], []])
        #expect(plan.claims.map(\.openedDenials.count) == [0, 1])
        #expect(plan.claims[1].openedDenials.first?.reasons == [CASAdjustment(.contractual, "50", usd("150.00"))])
        #expect(plan.claims[1].openedDenials.first?.dueDate == day("2026-03-20").adding(days: 180))
    }

    @Test("a remit for an unknown claim number lands in unapplied with its money; the known claim still posts")
    func unknownClaim() throws {
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "ZZ-404", icn: "ICN9", charge: "100", paid: "60",
                    [Remit.line(nil, charge: "100", paid: "60", [("CO", "45", "40")])]),
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "120", [Remit.line("RC-1002-1", paid: "120", [("CO", "45", "80")])]),
            ], bpr: "180")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.unapplied.count == 1)
        #expect(plan.unapplied.first?.reason == UnappliedRemittance.Reason.unknownClaim)
        #expect(plan.unapplied.first?.paid == usd("60.00"))
        #expect(plan.unapplied.first?.patientControlNumber == "ZZ-404")
        #expect(plan.claims.map(\.claimNumber.rawValue) == ["RC-1002"])
    }

    @Test("a payment whose BPR02 is not ΣCLP04 − ΣPLB is flagged and must be accepted before posting")
    func unbalanced() throws {
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "120", [Remit.line("RC-1002-1", paid: "120", [("CO", "45", "80")])])
            ],
            bpr: "130", plb: [.init(reason: "L6", reference: "ICN1", amount: Remit.amount("-5"))])
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.requiresAcceptance)
        #expect(plan.balance.computed == usd("125.00"))
        #expect(plan.balance.difference == usd("5.00"))
        #expect(plan.balance.findings.count == 1)
        #expect(plan.providerAdjustments.first?.kind == .interest)
    }

    @Test("lines without REF*6R match by code and date; a line that matches nothing is kept as unapplied")
    func fallbackMatching() throws {
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "RC-1001", icn: "ICN2", charge: "300", paid: "160",
                    [
                        Remit.line(
                            nil, code: "90791", charge: "250", paid: "160", date: "20260302", [("CO", "45", "90")]),
                        Remit.line(nil, code: "99999", charge: "50", paid: "0", date: "20260302", [("CO", "45", "50")]),
                    ])
            ], bpr: "160")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.claims.count == 1)
        guard case .adjudicate(let adjudication, _, _, _) = plan.claims[0].commands[0] else {
            Issue.record("no adjudication")
            return
        }
        #expect(adjudication.lines.map(\.lineID.rawValue) == ["RC-1001-1"])
        #expect(plan.unapplied.map(\.reason) == [UnappliedRemittance.Reason.unmatchedLine])
        #expect(plan.unapplied.first?.procedureCode == "99999")
    }

    @Test("a reversal (CLP02 22) and the re-adjudication in the same payment net out to the second payment")
    func reversal() throws {
        let first = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "96",
                    [Remit.line("RC-1002-1", paid: "96", [("CO", "45", "80"), ("PR", "2", "24")])])
            ],
            bpr: "96")
        var world = self.world
        let claims = try post(RemittancePosting.plan(first, lookup: lookup, options: .init(receivedOn: World.today)))
        world.claims = claims
        let secondLookup = RemittanceLookup(
            claims: Dictionary(uniqueKeysWithValues: world.order.map { ($0, world.context($0)!) }))
        let second = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", status: "22", icn: "ICN1", charge: "-200", paid: "-96",
                    [Remit.line("RC-1002-1", charge: "-200", paid: "-96", [("CO", "45", "-80"), ("PR", "2", "-24")])]),
                Remit.claim(
                    "RC-1002", icn: "ICN1B", paid: "106",
                    [Remit.line("RC-1002-1", paid: "106", [("CO", "45", "70"), ("PR", "2", "24")])]),
            ], bpr: "10")
        let plan = RemittancePosting.plan(second, lookup: secondLookup, options: .init(receivedOn: World.today))
        #expect(plan.unapplied.isEmpty)
        #expect(plan.claims.count == 1)
        #expect(plan.claims[0].commands.count == 2)
        if case .reverseAdjudication(let icn, _, _) = plan.claims[0].commands[0] {
            #expect(icn == "ICN1")
        } else {
            Issue.record("the first command is not a reversal")
        }
        var claim = world.claims[ClaimNumber("RC-1002")!]!
        for command in plan.claims[0].commands { claim = Claim.replay(try Claim.decide(command, claim), from: claim) }
        #expect(balances(claim))
        #expect(claim.insurancePaid == usd("106.00"))
        #expect(claim.adjustments == usd("70.00"))
        #expect(claim.patientBalance == usd("24.00"))
    }

    @Test("CLP02 4 with CO-197 opens a denial; the denied amount is not posted")
    func denial() throws {
        var line = Remit.line("RC-1002-1", paid: "0", [("CO", "197", "200")])
        line.remarkCodes = ["N54"]
        let remit = Remit.remittance([Remit.claim("RC-1002", status: "4", icn: "ICN3", paid: "0", [line])], bpr: "0")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        let claim = try post(plan)[ClaimNumber("RC-1002")!]!
        #expect(claim.status == .denied)
        #expect(claim.openDenials.first?.amount == usd("200.00"))
        #expect(claim.openDenials.first?.remarks == ["N54"])
        #expect(claim.insuranceBalance == usd("200.00"))
        #expect(balances(claim))
    }

    @Test("a claim-level denial without service lines is spread over the claim's lines and opens one denial")
    func claimLevelOnly() throws {
        var clp = Remit.claim("RC-1001", status: "4", icn: "ICN6", charge: "280", paid: "0", [])
        clp.adjustments = [Adjustment(group: "CO", reason: "16", amount: Remit.amount("280"))]
        clp.remarkCodes = ["MA130"]
        let plan = RemittancePosting.plan(
            Remit.remittance([clp], bpr: "0"), lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.unapplied.isEmpty)
        let claim = try post(plan)[ClaimNumber("RC-1001")!]!
        #expect(claim.status == .denied)
        #expect(claim.openDenials.first?.lineIDs.map(\.rawValue) == ["RC-1001-1", "RC-1001-2"])
        #expect(claim.openDenials.first?.amount == usd("280.00"))
        #expect(balances(claim))
        var wrong = clp
        wrong.charge = Remit.amount("300")
        let refused = RemittancePosting.plan(
            Remit.remittance([wrong], bpr: "0"), lookup: lookup, options: .init(receivedOn: World.today))
        #expect(refused.unapplied.map(\.reason) == [UnappliedRemittance.Reason.noServiceLines])
    }

    @Test("a CAS group that 5010 does not allow, or a line that does not balance, leaves the claim unapplied")
    func refused() throws {
        let remit = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN4", paid: "120", [Remit.line("RC-1002-1", paid: "120", [("CR", "45", "80")])]),
                Remit.claim(
                    "RC-1003", icn: "ICN5", charge: "150", paid: "80",
                    [
                        Remit.line(
                            "RC-1003-1", code: "90834", charge: "150", paid: "80", date: "20260304",
                            [("CO", "45", "60")])
                    ]),
            ], bpr: "240")
        let plan = RemittancePosting.plan(remit, lookup: lookup, options: .init(receivedOn: World.today))
        #expect(plan.claims.isEmpty)
        #expect(plan.unapplied.count == 2)
        #expect(plan.unapplied[0].reason == UnappliedRemittance.Reason.invalidAdjustmentGroup("CR"))
        if case .refused(let message) = plan.unapplied[1].reason {
            #expect(message.contains("does not balance"))
        } else {
            Issue.record("the unbalanced line was not refused")
        }
    }

    @Test("a PLB recoupment names the payer claim number and is tied back to our claim without touching it")
    func recoupment() throws {
        let paid = Remit.remittance(
            [
                Remit.claim(
                    "RC-1002", icn: "ICN1", paid: "120", [Remit.line("RC-1002-1", paid: "120", [("CO", "45", "80")])])
            ],
            bpr: "120")
        var world = self.world
        world.claims = try post(RemittancePosting.plan(paid, lookup: lookup, options: .init(receivedOn: World.today)))
        let later = Remit.remittance(
            [], bpr: "-15", plb: [.init(reason: "WO", reference: "ICN1", amount: Remit.amount("15"))])
        let plan = RemittancePosting.plan(
            later,
            lookup: RemittanceLookup(
                claims: Dictionary(uniqueKeysWithValues: world.order.map { ($0, world.context($0)!) })),
            options: .init(receivedOn: World.today))
        #expect(plan.claims.isEmpty)
        #expect(plan.providerAdjustments.first?.kind == .recoupment)
        #expect(plan.providerAdjustments.first?.claimNumber?.rawValue == "RC-1002")
        #expect(plan.providerAdjustments.first?.amount == usd("15.00"))
        #expect(plan.balance.isBalanced)
    }
}
