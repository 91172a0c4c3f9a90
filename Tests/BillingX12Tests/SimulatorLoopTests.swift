import Billing
import BillingX12
import Testing
import TestSupport
import X12

/// Runs claims through the builder, the simulator and the posting plans, applying every command with the
/// claim decider. Each 835 is matched to our payer through the catalog's aliases, as the import does.
struct Loop {
    var world: World
    var simulator: PayerSimulator
    var catalog = PayerCatalog.world()
    var responses: [PayerResponse] = []
    var manifests: [SubmissionManifest] = []
    var control = 100

    init(count: Int, seed: UInt64, settings: SimulatorSettings = SimulatorSettings()) throws {
        world = try World(count: count)
        simulator = PayerSimulator(seed: seed, settings: settings)
    }

    /// World's claims billed to `payer`, built as the product builds them (the manifest kept for the 999) and
    /// read back, sent to payer id `sentAs` (the X12 id the catalog holds) with filing indicator `filing`.
    mutating func send(
        _ payer: PayerID = World.acme, sentAs: String? = nil, filing: String? = nil, control: Int
    ) throws -> ProfessionalClaimInterchange {
        let batch = try World.builder.build(
            payer: payer, claims: world.submissions(payer: payer), control: World.control(control),
            filingIndicator: filing ?? (payer == World.medicaid ? "MC" : "CI"))
        manifests.append(batch.manifest)
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        var interchange = try X12File(bytes: bytes).professionalClaims().interchanges[0]
        if let sentAs { interchange = Interchanges.sent(interchange, to: sentAs) }
        return interchange
    }

    /// One run answering both payers' batches together.
    mutating func run(on date: String = "2026-03-11") throws {
        var interchanges: [ProfessionalClaimInterchange] = []
        for (offset, payer) in [World.acme, World.medicaid].enumerated() {
            let batch = try World.builder.build(
                payer: payer, claims: world.submissions(payer: payer), control: World.control(offset + 1),
                filingIndicator: payer == World.medicaid ? "MC" : "CI")
            manifests.append(batch.manifest)
            let bytes = try batch.interchange.x12()
            try X12Validator.validate(bytes: bytes)
            interchanges += try X12File(bytes: bytes, fileName: "out.837").professionalClaims().interchanges
        }
        try answer(interchanges, on: date)
    }

    /// A run answering `interchanges` (none: payers only send what they owe from earlier runs).
    mutating func answer(_ interchanges: [ProfessionalClaimInterchange], on date: String) throws {
        let response = try simulator.respond(to: interchanges, controls: Interchanges.controls(date, control: control))
        control = response.nextControlNumber
        responses.append(response)
    }

    mutating func apply(_ command: Claim.Command, to number: ClaimNumber) throws {
        let state = world.claims[number]!
        world.claims[number] = Claim.replay(try Claim.decide(command, state), from: state)
    }

    var lookup: RemittanceLookup {
        RemittanceLookup(claims: Dictionary(uniqueKeysWithValues: world.order.map { ($0, world.context($0)!) }))
    }

    /// Imports every file of the responses from `index` on, in order, through the posting plans.
    mutating func post(from index: Int = 0) throws -> [RemittancePlan] {
        var plans: [RemittancePlan] = []
        for response in responses[index...] {
            for file in response.files {
                let contents = try X12File(bytes: file.bytes, fileName: file.name).contents()
                for ack in contents.implementationAcknowledgments {
                    let plan = AcknowledgmentPosting.plan(ack, submissions: manifests, receivedOn: World.today) {
                        world.claims[$0]
                    }
                    for item in plan.commands { try apply(item.command, to: item.claimNumber) }
                }
                for ack in contents.claimAcknowledgments {
                    let plan = AcknowledgmentPosting.plan(ack, receivedOn: World.today) { world.claims[$0] }
                    for item in plan.commands { try apply(item.command, to: item.claimNumber) }
                }
                for remittance in contents.remittances {
                    let payer = try #require(catalog.payer(for: remittance), "an 835 of an unknown payer")
                    let plan = RemittancePosting.plan(
                        remittance, lookup: lookup, options: .init(receivedOn: World.today, payerID: payer))
                    plans.append(plan)
                    for claim in plan.claims {
                        for command in claim.commands { try apply(command, to: claim.claimNumber) }
                    }
                }
            }
        }
        return plans
    }
}

@Suite("Payer simulator and the full loop")
struct SimulatorLoopTests {
    @Test("the simulator's files read back, and every 835 balances per line, claim and check")
    func filesBalance() throws {
        var loop = try Loop(count: 80, seed: 7)
        try loop.run()
        try loop.answer([], on: "2026-04-11")
        var remits = 0
        for response in loop.responses {
            for file in response.files {
                let contents = try X12File(bytes: file.bytes, fileName: file.name).contents()
                #expect(contents.warnings.isEmpty, "\(contents.warnings)")
                for remittance in contents.remittances {
                    remits += 1
                    #expect(remittance.balanceFindings().isEmpty, "\(remittance.balanceFindings())")
                    #expect(remittance.isBalanced)
                }
            }
            #expect(response.implementationAcknowledgments.allSatisfy { $0.transactionSets.allSatisfy(\.isAccepted) })
        }
        #expect(loop.responses[0].files.map(\.kind).prefix(4) == ["999", "277CA", "999", "277CA"])
        #expect(remits >= 2)
    }

    @Test("a void (frequency 8 with REF*F8) is acknowledged and never paid")
    func void() throws {
        let world = try World(count: 2)
        var submission = world.submissions(payer: World.acme)[0]
        let period = AccountingPeriod(containing: World.today)
        // The payer denied it (nothing posted), so it has a claim number to void.
        let submitted = submission.claim
        let denial = Adjudication(
            statusCode: "4", payerClaimNumber: "ICN-OLD", payerID: World.acme, adjudicatedOn: World.today,
            lines: submitted.lines.map {
                LineAdjudication(
                    lineID: $0.lineID, code: $0.code, charge: $0.charge, paid: .zero,
                    adjustments: [CASAdjustment(.contractual, "197", $0.charge)])
            })
        let claim = Claim.replay(
            try Claim.decide(.adjudicate(denial, context: .init(denialID: "d-1"), on: World.today, period: period), submitted),
            from: submitted)
        submission.claim = Claim.replay(
            try Claim.decide(.void(reason: "billed in error", on: World.today, period: period), claim), from: claim)
        #expect(submission.claim.frequency == .void && submission.claim.status == .voidPending)
        #expect(submission.claim.originalPayerClaimNumber == "ICN-OLD")
        submission.originalPayerClaimNumber = submission.claim.originalPayerClaimNumber
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(9))
        var simulator = PayerSimulator(seed: 3, settings: SimulatorSettings(rejectPercent: 0))
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let response = try simulator.respond(toFile: bytes, controls: Interchanges.controls("2026-03-11", control: 1))
        #expect(response.outcomes["RC-1001"] == .voidAccepted)
        #expect(response.remittances.isEmpty)
        #expect(response.claimStatuses.first?.statuses.first?.category == "A2")
    }

    @Test("the same seed and state give the same files and state; another seed gives others")
    func deterministic() throws {
        let settings = SimulatorSettings(reversePercent: 30, recoupPercent: 30)
        var loops = [
            try Loop(count: 30, seed: 42, settings: settings), try Loop(count: 30, seed: 42, settings: settings),
            try Loop(count: 30, seed: 43, settings: settings),
        ]
        for index in loops.indices {
            try loops[index].run()
            try loops[index].answer([], on: "2026-04-11")
        }
        let (first, second, third) = (loops[0], loops[1], loops[2])
        #expect(first.responses.flatMap(\.files) == second.responses.flatMap(\.files))
        #expect(try first.simulator.state.json() == second.simulator.state.json())
        #expect(first.responses.flatMap(\.files) != third.responses.flatMap(\.files))
    }

    @Test(
        "claims built, sent, answered over two runs and posted keep every claim's money identity, with denials, rejections, splits, reversals and recoupments where the simulator put them"
    )
    func fullLoop() throws {
        var loop = try Loop(
            count: 120, seed: 2026,
            settings: SimulatorSettings(
                rejectPercent: 6, denyPercent: 15, reversePercent: 10, interestPercent: 50, splitPercent: 30,
                recoupPercent: 10))
        try loop.run()
        try loop.answer([], on: "2026-04-11")
        let plans = try loop.post()
        #expect(plans.allSatisfy { $0.unapplied.isEmpty }, "\(plans.flatMap(\.unapplied))")
        #expect(plans.allSatisfy { !$0.requiresAcceptance })
        var outcomes: [String: SimulatedOutcome] = [:]
        for response in loop.responses { outcomes.merge(response.outcomes) { _, later in later } }
        #expect(outcomes.count == 120)
        var seen: Set<String> = []
        for number in loop.world.order {
            let claim = loop.world.claims[number]!
            #expect(balances(claim), "claim \(number) does not balance")
            switch outcomes[number.rawValue]! {
            case .rejected:
                seen.insert("rejected")
                #expect(claim.status == .rejected)
                #expect(claim.adjudications.isEmpty)
            case .denied(let group, _, _):
                seen.insert("denied")
                #expect(claim.status == .denied)
                #expect(!claim.openDenials.isEmpty)
                if group == "CO" { #expect(claim.openDenials.allSatisfy { $0.amount > .zero }) }
            case .paid, .crossover:
                seen.insert("paid")
                #expect(claim.status == .adjudicated)
                #expect(claim.insurancePaid > .zero || claim.patientBalance > .zero)
                #expect(claim.insuranceBalance == .zero)
            case .split(let first, let later):
                seen.insert("split")
                #expect(claim.adjudications.count == 2)
                #expect(claim.adjudications.map { $0.adjudication.lines.count } == [first, later])
                #expect(claim.insuranceBalance == .zero)
            case .voidAccepted:
                Issue.record("no claim was voided")
            case .overturnedOnAppeal:
                Issue.record("no claim was appealed")
            case .reversedAndReadjudicated:
                seen.insert("reversed")
                #expect(claim.adjudications.count == 2)
                #expect(claim.adjudications.first?.reversed == true)
                #expect(claim.adjudications.last?.reversed == false)
                #expect(claim.insurancePaid == claim.adjudications.last!.posting.paid)
                #expect(claim.insuranceBalance == .zero)
            }
        }
        #expect(seen == ["rejected", "denied", "paid", "split", "reversed"])
        let plb = plans.flatMap(\.providerAdjustments)
        #expect(plb.contains { $0.kind == .interest && $0.amount < .zero })
        #expect(plb.contains { $0.kind == .recoupment && $0.amount > .zero && $0.claimNumber != nil })
    }
}
