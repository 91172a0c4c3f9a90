import Billing
import BillingX12
import Testing
import X12

/// Each transaction set's check identity, computed by the test from the raw segments: BPR02 = Σ CLP04 − Σ PLB.
func expectChecksBalance(_ payments: [RawPayment], sourceLocation: SourceLocation = #_sourceLocation) {
    for payment in payments {
        #expect(
            payment.amount == payment.claimsPaid - payment.adjustmentTotal,
            "trace \(payment.trace): BPR02 \(payment.amount) ≠ ΣCLP04 \(payment.claimsPaid) − ΣPLB \(payment.adjustmentTotal)",
            sourceLocation: sourceLocation)
        #expect(payment.amount >= 0, sourceLocation: sourceLocation)
        #expect((payment.amount == 0) == (payment.method == "NON"), sourceLocation: sourceLocation)
    }
}

@Suite("Simulated payers' remittances")
struct PayerRemittanceTests {
    @Test("a claim paid across two 835s: the parts' CLP04 add up to what the payer pays for the whole claim, and post")
    func splitAcrossTwoFiles() throws {
        var split = try Loop(
            count: 30, seed: 21,
            settings: {
                var s = SimulatorSettings.plain; s.splitPercent = 100; return s
            }())
        var whole = try Loop(count: 30, seed: 21, settings: .plain)
        try split.run()
        try whole.run()
        let splitOutcomes = split.responses[0].outcomes.filter { if case .split = $0.value { return true } else { return false } }
        // Claims of two lines split when some line owes the patient nothing (the lines without patient
        // responsibility are paid first); World has five such claims of two lines.
        #expect(splitOutcomes.count >= 2, "\(split.responses[0].outcomes)")
        let firstFiles = split.responses[0].remittances.map(\.trace.number)
        for (number, _) in splitOutcomes {
            var parts: [(RawPayment.Claim, String, String)] = []  // claim, trace, file
            for file in split.responses[0].files where file.kind == "835" {
                for payment in RawPayment.read(file.bytes) {
                    for claim in payment.claims where claim.number == number { parts.append((claim, payment.trace, file.name)) }
                }
            }
            let unsplit = whole.responses[0].rawPayments.flatMap(\.claims).filter { $0.number == number }
            #expect(parts.count == 2 && unsplit.count == 1, "\(number)")
            guard parts.count == 2, let one = unsplit.first else { continue }
            #expect(parts[0].2 != parts[1].2, "the parts come in two files")
            #expect(firstFiles.contains(parts[0].1) && !firstFiles.contains(parts[1].1))
            #expect(parts[0].0.paid + parts[1].0.paid == one.paid, "\(number): parts \(parts[0].0.paid) + \(parts[1].0.paid)")
            let charge = split.world.claims[ClaimNumber(number)!]!.charges.cents
            #expect(parts[0].0.charge + parts[1].0.charge == charge)
            #expect(parts[0].0.payerClaimNumber != parts[1].0.payerClaimNumber)
            #expect(parts.allSatisfy { $0.0.remarks == ["MA15"] })
        }
        let plans = try split.post()
        #expect(plans.allSatisfy { $0.unapplied.isEmpty }, "\(plans.flatMap(\.unapplied))")
        for (number, _) in splitOutcomes {
            let claim = split.world.claims[ClaimNumber(number)!]!
            let paid = whole.responses[0].rawPayments.flatMap(\.claims).first { $0.number == number }!.paid
            #expect(claim.insurancePaid.cents == paid)
            #expect(claim.insuranceBalance == .zero)
            #expect(balances(claim))
        }
        expectChecksBalance(split.responses[0].rawPayments)
    }

    @Test("one check pays two practices: one transaction set per payee under the same trace, Σ BPR02 is the check")
    func oneCheckSeveralPayees() throws {
        let world = try World(count: 30)
        let first = try Interchanges.of(world, sentAs: "DEMO02", control: 1)
        let second = Interchanges.copy(first, control: 2, prefix: "B")
        var settings = SimulatorSettings.plain
        settings.interestPercent = 100
        settings.denyPercent = 10
        var simulator = PayerSimulator(seed: 12, settings: settings)
        let response = try simulator.respond(to: [first, second], controls: Interchanges.controls("2026-03-11", control: 10))
        let files = response.files.filter { $0.kind == "835" }
        #expect(files.count == 1, "one payer, one cycle, one file")
        let sets = RawPayment.read(files[0].bytes)
        #expect(sets.count == 2)
        #expect(Set(sets.map(\.payeeNPI)) == ["1245319599", "1326047515"])
        #expect(Set(sets.map(\.trace)).count == 1, "one check number for both payees")
        #expect(sets.allSatisfy { $0.method == "CHK" && $0.originator == "1470615283" })
        expectChecksBalance(sets)
        // The check, summed independently from every claim of both practices and every PLB.
        var paid: Int64 = 0
        var plb: Int64 = 0
        for set in sets {
            #expect(set.claims.allSatisfy { $0.number.hasPrefix("B") == (set.payeeNPI == "1326047515") })
            paid += set.claims.map(\.paid).reduce(0, +)
            plb += set.adjustments.map(\.amount).reduce(0, +)
            #expect(set.adjustments.contains { $0.code == "L6" && $0.amount < 0 })
        }
        #expect(sets.map(\.amount).reduce(0, +) == paid - plb)
        #expect(paid > 0)
        let claimsSent = Set(first.claims.map(\.claimNumber) + second.claims.map(\.claimNumber))
        #expect(Set(sets.flatMap(\.claims).map(\.number)) == claimsSent)
    }

    @Test("a claim paid in one run is reversed (CLP02 22) in a later run, through the state file, and paid again")
    func reversalInALaterRun() throws {
        var settings = SimulatorSettings.plain
        settings.reversePercent = 100
        settings.laterReadjudicationPercent = 50
        var loop = try Loop(count: 24, seed: 31, settings: settings)
        try loop.run()
        let paidBefore = loop.responses[0].rawPayments.flatMap(\.claims).filter { $0.status == "1" && $0.paid > 0 }
        #expect(paidBefore.count >= 10)
        // The next month is another process with another seed: only the state file carries the payments over.
        let saved = try loop.simulator.state.json()
        loop.simulator = PayerSimulator(seed: 999, settings: .plain, state: try SimulatorState(json: saved))
        try loop.answer([], on: "2026-04-20")
        let later = loop.responses[1]
        let reversals = later.rawPayments.flatMap(\.claims).filter { $0.status == "22" }
        #expect(reversals.count == paidBefore.count)
        for original in paidBefore {
            let reversal = try #require(reversals.first { $0.number == original.number })
            #expect(reversal.payerClaimNumber == original.payerClaimNumber)
            #expect(reversal.charge == -original.charge && reversal.paid == -original.paid)
            let again = later.rawPayments.flatMap(\.claims).filter { $0.number == original.number && $0.status == "1" }
            #expect(again.count == 1)
            #expect(again.first?.payerClaimNumber != original.payerClaimNumber)
        }
        #expect(later.outcomes.values.contains(.reversedAndReadjudicated(laterFile: true)))
        #expect(later.outcomes.values.contains(.reversedAndReadjudicated(laterFile: false)))
        expectChecksBalance(later.rawPayments)
        let plans = try loop.post()
        #expect(plans.allSatisfy { $0.unapplied.isEmpty }, "\(plans.flatMap(\.unapplied))")
        for original in paidBefore {
            let claim = loop.world.claims[ClaimNumber(original.number)!]!
            #expect(claim.adjudications.count == 2)
            #expect(claim.adjudications.first?.reversed == true)
            #expect(claim.adjudications.first?.adjudication.payerClaimNumber == original.payerClaimNumber)
            #expect(balances(claim))
        }
        #expect(loop.simulator.state.pending.isEmpty, "every reversal was done once")
    }

    @Test("PLB WO, FB, L6, 72 and CS across runs, and every check keeps BPR02 = ΣCLP04 − ΣPLB")
    func providerLevelAdjustments() throws {
        let world = try World(count: 30)
        let claims = try Interchanges.of(world, control: 1)
        var settings = SimulatorSettings.plain
        settings.interestPercent = 100
        settings.adjustmentPercent = 100
        settings.recoupPercent = 100
        var simulator = PayerSimulator(seed: 8, settings: settings)
        // Run 1: claims paid, with interest (L6) and adjustments (CS); every paid claim is to be recouped.
        let run1 = try simulator.respond(to: claims, controls: Interchanges.controls("2026-03-11", control: 10))
        let paid1 = run1.rawPayments.flatMap(\.claims).filter { $0.paid > 0 }
        #expect(run1.rawPayments.flatMap(\.adjustments).contains { $0.code == "L6" && $0.amount < 0 })
        #expect(run1.rawPayments.flatMap(\.adjustments).contains { $0.code == "CS" })
        // Run 2, no claims: the recoupments (WO, naming each claim's CLP07) exceed the payment, so the payer
        // carries the balance forward (FB, negative) and pays nothing.
        simulator.settings = .plain
        let run2 = try simulator.respond(to: [], controls: Interchanges.controls("2026-04-11", control: 30))
        let wo = run2.rawPayments.flatMap(\.adjustments).filter { $0.code == "WO" }
        #expect(Set(wo.map(\.reference)) == Set(paid1.map(\.payerClaimNumber)))
        for item in wo {
            let claim = paid1.first { $0.payerClaimNumber == item.reference }!
            #expect(item.amount > 0 && item.amount < claim.paid)
        }
        let forward = run2.rawPayments.flatMap(\.adjustments).filter { $0.code == "FB" }
        #expect(forward.count == 1 && forward[0].amount == -wo.map(\.amount).reduce(0, +))
        #expect(run2.rawPayments.allSatisfy { $0.amount == 0 && $0.handling == "H" })
        // Run 3, new claims of the same practice: the balance comes back (FB, positive, same reference).
        let run3 = try simulator.respond(
            to: Interchanges.copy(claims, control: 3, prefix: "N", otherPractice: false),
            controls: Interchanges.controls("2026-05-11", control: 50))
        let back = run3.rawPayments.flatMap(\.adjustments).filter { $0.code == "FB" }
        #expect(back.map(\.reference) == [forward[0].reference])
        #expect(back.map(\.amount).reduce(0, +) == -forward[0].amount)
        // Runs 4 and 5: a reversal whose overpayment the provider had refunded by check comes with a PLB 72.
        simulator.settings.reversePercent = 100
        simulator.settings.refundPercent = 100
        let run4 = try simulator.respond(
            to: Interchanges.copy(claims, control: 5, prefix: "R", otherPractice: false),
            controls: Interchanges.controls("2026-06-11", control: 70))
        simulator.settings = .plain
        let run5 = try simulator.respond(to: [], controls: Interchanges.controls("2026-07-11", control: 90))
        let returns = run5.rawPayments.flatMap(\.adjustments).filter { $0.code == "72" }
        let reversed = run5.rawPayments.flatMap(\.claims).filter { $0.status == "22" }
        #expect(!returns.isEmpty && returns.count == reversed.count)
        for item in returns {
            let reversal = reversed.first { $0.payerClaimNumber == item.reference }!
            let corrected = run5.rawPayments.flatMap(\.claims).first { $0.number == reversal.number && $0.status == "1" }!
            #expect(item.amount == -(-reversal.paid - corrected.paid), "72 gives back what the provider refunded")
        }
        for run in [run1, run2, run3, run4, run5] { expectChecksBalance(run.rawPayments) }
        let codes = Set([run1, run2, run3, run4, run5].flatMap(\.rawPayments).flatMap(\.adjustments).map(\.code))
        #expect(codes == ["L6", "CS", "WO", "FB", "72"])
    }

    @Test("277CA rejections use A6, A7 and A8 with their status codes, and the counts and amounts match the claims")
    func acknowledgmentCounts() throws {
        let world = try World(count: 60)
        let claims = try Interchanges.of(world, sentAs: "DEMO06", control: 1)
        var simulator = PayerSimulator(seed: 17, settings: SimulatorSettings(rejectPercent: 40))
        let response = try simulator.respond(
            to: [claims, Interchanges.copy(claims, control: 2, prefix: "B")], controls: Interchanges.controls("2026-03-11", control: 10))
        let known: [String: Set<String>] = ["A6": ["153", "158"], "A7": ["145", "164", "254", "562"], "A8": ["116", "496"]]
        var categories: Set<String> = []
        for file in response.files where file.kind == "277CA" {
            // Read raw: claims (HL PT) and the totals of the receiver (HL 21) and billing provider (HL 19) levels.
            var level = ""
            var totals: [(level: String, qty: [String: Int], amt: [String: Int64], claims: [(Bool, Int64)])] = []
            for segment in RawPayment.segments(file.bytes) {
                switch segment[0] {
                case "HL":
                    level = segment[3]
                    if level == "21" || level == "19" { totals.append((level, [:], [:], [])) }
                case "QTY": totals[totals.count - 1].qty[segment[1]] = Int(segment[2])
                case "AMT": totals[totals.count - 1].amt[segment[1]] = RawPayment.cents(segment[2])
                case "STC" where level == "PT":
                    let parts = segment[1].split(separator: ":").map(String.init)
                    let rejected = parts[0] != "A2"
                    if rejected {
                        categories.insert(parts[0])
                        #expect(known[parts[0]]?.contains(parts[1]) == true, "\(segment[1])")
                        #expect(segment[3] == "U")
                    } else {
                        #expect(parts[1] == "20" && segment[3] == "WQ")
                    }
                    let charge = RawPayment.cents(segment[4])
                    for index in totals.indices.reversed() {
                        totals[index].claims.append((rejected, charge))
                        if totals[index].level == "21" { break }
                    }
                default: break
                }
            }
            #expect(!totals.isEmpty)
            for total in totals {
                let accepted = total.claims.filter { !$0.0 }, rejected = total.claims.filter(\.0)
                let (a, r) =
                    total.level == "21" ? ("90", "AA") : (total.qty["QA"] != nil || total.qty["QC"] != nil ? ("QA", "QC") : ("90", "AA"))
                #expect(total.qty[a] == accepted.count, "\(total.level) accepted")
                #expect(total.qty[r] == rejected.count, "\(total.level) rejected")
                #expect(total.amt["YU"] == accepted.map(\.1).reduce(0, +))
                #expect(total.amt["YY"] == rejected.map(\.1).reduce(0, +))
            }
        }
        #expect(categories.count >= 2, "\(categories)")
        let statuses = response.claimStatuses
        #expect(statuses.count == 2 * claims.claims.count)
        #expect(statuses.filter(\.isRejected).allSatisfy { $0.payerClaimNumber == nil })
        #expect(statuses.filter { !$0.isRejected }.allSatisfy { $0.payerClaimNumber != nil })
    }

    @Test(
        "a crossover comes back CLP02 19 with NM1*TT naming the supplemental payer, which pays it in a follow-up 835; both post"
    )
    func crossover() throws {
        var settings = SimulatorSettings.plain
        settings.crossoverPercent = 100
        var loop = try Loop(count: 20, seed: 6, settings: settings)
        // Every member has the Medicaid plan as secondary, so the crossover has somewhere to go.
        for index in loop.world.members.indices {
            let member = loop.world.members[index]
            let secondary = Coverage(
                id: CoverageID("cov-s-\(index)"), payerID: World.medicaid, order: .secondary, effective: .always)
            loop.world.members[index].state = Patient.replay(
                [.coverageRecorded(.init(patientKey: member.key, coverage: secondary, effectiveDate: day("2026-01-01")))],
                from: member.state)
        }
        loop.catalog = PayerCatalog(entries: [
            (World.acme, "DEMO03", ["04912", "1721092375"]), (World.medicaid, "DEMO04", ["RVB4401", "1364718205", "55004"]),
        ])
        // The 837P names the Medicaid plan as the later payer (loop 2320 without adjudication), under the X12 id the
        // simulator knows it by, so Medicare crosses the claims over to it.
        var sent = try loop.send(sentAs: "DEMO03", filing: "MB", control: 1)
        for p in sent.billingProviders.indices {
            for g in sent.billingProviders[p].subscribers.indices {
                for c in sent.billingProviders[p].subscribers[g].claims.indices {
                    let others = sent.billingProviders[p].subscribers[g].claims[c].otherPayers
                    #expect(others.map(\.payer.id) == ["MCD01"] && others.allSatisfy { $0.paidAmount == nil && $0.payerSequence == "S" })
                    for o in others.indices { sent.billingProviders[p].subscribers[g].claims[c].otherPayers[o].payer.id = "DEMO04" }
                }
            }
        }
        try loop.answer([sent], on: "2026-03-11")
        let payments = loop.responses[0].rawPayments
        let medicare = payments.filter { $0.payerName == "TALLGRASS GBA JURISDICTION 9 PART B" }
        let claims = medicare.flatMap(\.claims)
        let crossed = claims.filter { $0.status == "19" }
        #expect(crossed.count >= 5)
        #expect(medicare.flatMap(\.crossovers).count == crossed.count)
        #expect(medicare.flatMap(\.crossovers).allSatisfy { $0 == ("RIVERBEND MEDICAID HEALTH PLAN", "55004") })
        #expect(crossed.allSatisfy { $0.remarks == ["MA18"] })
        let forwarded = payments.filter { $0.payerName == "RIVERBEND MEDICAID HEALTH PLAN" }.flatMap(\.claims)
        #expect(Set(forwarded.map(\.number)) == Set(crossed.map(\.number)), "the partner pays every crossed-over claim")
        #expect(forwarded.allSatisfy { $0.status == "2" })
        let plans = try loop.post()
        #expect(plans.allSatisfy { $0.unapplied.isEmpty }, "\(plans.flatMap(\.unapplied))")
        for claim in crossed {
            let state = loop.world.claims[ClaimNumber(claim.number)!]!
            #expect(state.adjudications.map(\.adjudication.statusCode) == ["19", "2"])
            #expect(state.adjudications.last?.adjudication.payerID == World.medicaid)
            #expect(!state.crossedOver && state.insuranceBalance == .zero && state.patientBalance == .zero)
            #expect(balances(state))
        }
    }
}
