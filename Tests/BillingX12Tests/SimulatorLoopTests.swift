import Billing
import BillingX12
import Testing
import TestSupport
import X12

/// Runs claims through the builder, the simulator and the posting plans, applying every command with the
/// claim decider.
struct Loop {
    var world: World
    var simulator: PayerSimulator
    var responses: [PayerResponse] = []
    var manifests: [SubmissionManifest] = []

    init(count: Int, seed: UInt64, settings: SimulatorSettings = SimulatorSettings()) throws {
        world = try World(count: count)
        simulator = PayerSimulator(seed: seed, settings: settings)
    }

    mutating func run() throws {
        var control = 100
        for (offset, payer) in [World.acme, World.medicaid].enumerated() {
            let batch = try World.builder.build(
                payer: payer, claims: world.submissions(payer: payer), control: World.control(offset + 1),
                filingIndicator: payer == World.medicaid ? "MC" : "CI")
            manifests.append(batch.manifest)
            let bytes = try batch.interchange.x12()
            try X12Validator.validate(bytes: bytes)
            let responses = try simulator.respond(
                toFile: bytes, fileName: "out.837",
                controls: SimulatorControls(
                    senderID: "SIMPAYER", date: X12Date(year: 2026, month: 3, day: 11)!,
                    time: X12Time(hour: 8, minute: 0)!, firstControlNumber: control))
            control = responses[0].nextControlNumber
            self.responses += responses
        }
    }

    mutating func apply(_ command: Claim.Command, to number: ClaimNumber) throws {
        let state = world.claims[number]!
        world.claims[number] = Claim.replay(try Claim.decide(command, state), from: state)
    }

    var lookup: RemittanceLookup {
        RemittanceLookup(claims: Dictionary(uniqueKeysWithValues: world.order.map { ($0, world.context($0)!) }))
    }

    /// Imports every file of every response, in order, through the posting plans.
    mutating func post() throws -> [RemittancePlan] {
        var plans: [RemittancePlan] = []
        for response in responses {
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
                    let plan = RemittancePosting.plan(
                        remittance, lookup: lookup, options: .init(receivedOn: World.today))
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
        var remits = 0
        for response in loop.responses {
            #expect(response.files.map(\.kind).prefix(2) == ["999", "277CA"])
            for file in response.files {
                let contents = try X12File(bytes: file.bytes, fileName: file.name).contents()
                #expect(contents.warnings.isEmpty)
                for remittance in contents.remittances {
                    remits += 1
                    #expect(remittance.balanceFindings().isEmpty, "\(remittance.balanceFindings())")
                    #expect(remittance.isBalanced)
                }
            }
            #expect(response.implementationAcknowledgment.transactionSets.allSatisfy { $0.isAccepted })
        }
        #expect(remits >= 2)
    }

    @Test("a void (frequency 8 with REF*F8) is acknowledged and never paid")
    func void() throws {
        let world = try World(count: 2)
        var submission = world.submissions(payer: World.acme)[0]
        let claim = submission.claim
        submission.claim = Claim.replay(
            try Claim.decide(
                .void(reason: "billed in error", on: World.today, period: AccountingPeriod(containing: World.today)),
                claim),
            from: claim)
        submission.originalPayerClaimNumber = "ICN-OLD"
        #expect(submission.claim.frequency == .void)
        let batch = try World.builder.build(payer: World.acme, claims: [submission], control: World.control(9))
        var simulator = PayerSimulator(seed: 3, settings: SimulatorSettings(rejectPercent: 0))
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let responses = try simulator.respond(
            toFile: bytes,
            controls: SimulatorControls(
                senderID: "SIM", date: X12Date(year: 2026, month: 3, day: 11)!, time: X12Time(hour: 8, minute: 0)!,
                firstControlNumber: 1))
        #expect(responses.count == 1)
        #expect(responses[0].outcomes["RC-1001"] == .voidAccepted)
        #expect(responses[0].remittances.isEmpty)
        #expect(responses[0].claimAcknowledgment.claims.first?.statuses.first?.category == "A2")
    }

    @Test("the same seed gives the same files; another seed gives others")
    func deterministic() throws {
        var first = try Loop(count: 30, seed: 42)
        var second = try Loop(count: 30, seed: 42)
        var third = try Loop(count: 30, seed: 43)
        try first.run()
        try second.run()
        try third.run()
        #expect(first.responses.flatMap(\.files) == second.responses.flatMap(\.files))
        #expect(first.responses.flatMap(\.files) != third.responses.flatMap(\.files))
    }

    @Test(
        "claims built, sent, answered and posted keep every claim's money identity, with denials, rejections and reversals where the simulator put them"
    )
    func fullLoop() throws {
        var loop = try Loop(
            count: 120, seed: 2026,
            settings: SimulatorSettings(rejectPercent: 6, denyPercent: 15, reversePercent: 10, interestPercent: 50))
        try loop.run()
        let plans = try loop.post()
        #expect(plans.allSatisfy { $0.unapplied.isEmpty }, "\(plans.flatMap(\.unapplied))")
        #expect(plans.allSatisfy { !$0.requiresAcceptance })
        var outcomes: [String: SimulatedOutcome] = [:]
        for response in loop.responses { outcomes.merge(response.outcomes) { a, _ in a } }
        #expect(outcomes.count == 120)
        var seen: Set<String> = []
        for number in loop.world.order {
            let claim = loop.world.claims[number]!
            #expect(balances(claim), "claim \(number) does not balance")
            switch outcomes[number.rawValue]! {
            case .rejected(let category, let code):
                seen.insert("rejected")
                #expect(claim.status == .rejected)
                #expect(claim.adjudications.isEmpty)
                _ = (category, code)
            case .denied(let group, _, _):
                seen.insert("denied")
                #expect(claim.status == .denied)
                #expect(!claim.openDenials.isEmpty)
                if group == "CO" { #expect(claim.openDenials.allSatisfy { $0.amount > .zero }) }
            case .paid:
                seen.insert("paid")
                #expect(claim.status == .adjudicated)
                #expect(claim.insurancePaid > .zero || claim.patientBalance > .zero)
                #expect(claim.insuranceBalance == .zero)
            case .voidAccepted:
                Issue.record("no claim was voided")
            case .reversedAndReadjudicated:
                seen.insert("reversed")
                #expect(claim.adjudications.count == 2)
                #expect(claim.adjudications.first?.reversed == true)
                #expect(claim.adjudications.last?.reversed == false)
                #expect(claim.insurancePaid == claim.adjudications.last!.posting.paid)
                #expect(claim.insuranceBalance == .zero)
            }
        }
        #expect(seen == ["rejected", "denied", "paid", "reversed"])
        let plb = plans.flatMap(\.providerAdjustments)
        #expect(plb.contains { $0.kind == .interest && $0.amount < .zero })
        #expect(plb.contains { $0.kind == .recoupment && $0.amount > .zero && $0.claimNumber != nil })
    }
}
