import Billing
import BillingX12
import Testing
import X12

@Suite("Simulated payers answer in their own identity")
struct PayerIdentityTests {
    @Test("claims sent to our catalog slug come back under the payer's own ids: no answer carries the slug")
    func neverOurSlug() throws {
        let world = try World(count: 24)
        let slug = "acme-health-slug"
        var simulator = PayerSimulator(seed: 5, settings: SimulatorSettings(rejectPercent: 20))
        let response = try simulator.respond(
            to: try Interchanges.of(world, sentAs: slug, control: 1), controls: Interchanges.controls("2026-03-11", control: 10))
        #expect(response.files.contains { $0.kind == "835" })
        for file in response.files {
            #expect(!String(decoding: file.bytes, as: UTF8.self).contains(slug), "\(file.name) carries \(slug)")
        }
        let payments = response.rawPayments
        #expect(!payments.isEmpty)
        for payment in payments {
            #expect(payment.originator.count == 10 && payment.originator.hasPrefix("1"))
            #expect(payment.originator.allSatisfy { $0.isNumber })
            #expect(payment.payerID != nil && payment.payerID != slug)
            for claim in payment.claims { #expect(!claim.payerClaimNumber.isEmpty && claim.payerClaimNumber != claim.number) }
        }
        for ack in response.claimAcknowledgments {
            #expect(ack.source.entity == "PR" && ack.source.idQualifier == "PI")
            #expect(ack.source.id != nil && ack.source.id != slug)
        }
        // An unknown id always reaches the same synthesized payer, whatever the seed.
        #expect(SimulatedPayerDirectory.builtIn.payer(for: slug) == SimulatedPayerDirectory.builtIn.payer(for: slug))
        #expect(SimulatedPayerDirectory.builtIn.payer(for: slug).remittancePayerID == payments[0].payerID)
    }

    @Test("the demo's payers have the identities and aliases documented for the catalog")
    func demoDirectory() {
        let expected: [String: (name: String, trn03: String, ref2U: String?, ack: String, aliases: [String])] = [
            "DEMO01": ("BLUEGRASS MUTUAL HEALTH PLAN", "1614829137", "BGMH1", "BGMH1", ["BGMH1", "1614829137"]),
            "DEMO02": ("PRAIRIE SHIELD INSURANCE COMPANY", "1470615283", nil, "47061", ["1470615283", "47061"]),
            "DEMO03": ("TALLGRASS GBA JURISDICTION 9 PART B", "1721092375", "04912", "04912", ["04912", "1721092375"]),
            "DEMO04": ("RIVERBEND MEDICAID HEALTH PLAN", "1364718205", "RVB4401", "DEMO04", ["RVB4401", "1364718205"]),
            "DEMO05": ("LANTERN EAP SERVICES INC", "1270938164", "DEMO05", "DEMO05", ["1270938164"]),
            "DEMO06": ("KEYSTONE BEHAVIORAL HEALTH MANAGEMENT", "1232847610", "KBH60", "KBH60", ["KBH60", "1232847610"]),
        ]
        let directory = SimulatedPayerDirectory.builtIn
        #expect(Set(directory.payers.keys) == Set(expected.keys))
        for (id, entry) in expected {
            let payer = directory.payer(for: id)
            #expect(payer.name == entry.name)
            #expect(payer.originatorID == entry.trn03)
            #expect(payer.remittancePayerID == entry.ref2U)
            #expect(payer.acknowledgmentPayerID == entry.ack)
            #expect(payer.aliases == entry.aliases, "\(id)")
        }
        let eins = directory.payers.values.map(\.ein)
        #expect(Set(eins).count == eins.count, "every payer has its own EIN")
        #expect(directory.payer(for: "DEMO03").crossover?.payerID == "55004")
    }

    @Test("a directory payer's 835 and 277CA carry its name, TRN03, REF*2U, bank and claim numbers")
    func directoryPayerOnTheWire() throws {
        let world = try World(count: 30)
        var simulator = PayerSimulator(seed: 9, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, splitPercent: 0))
        let response = try simulator.respond(
            to: try Interchanges.of(world, sentAs: "DEMO01", control: 1), controls: Interchanges.controls("2026-03-11", control: 10))
        let payments = response.rawPayments
        #expect(!payments.isEmpty)
        for payment in payments {
            #expect(payment.payerName == "BLUEGRASS MUTUAL HEALTH PLAN")
            #expect(payment.originator == "1614829137")
            #expect(payment.payerID == "BGMH1")
            if payment.amount > 0 {
                #expect(payment.method == "ACH")
                #expect(payment.trace.count == 15 && payment.trace.hasPrefix("08390417"))
            }
            for claim in payment.claims {
                // BG + YYMMDD + - + 5 digits.
                let icn = Array(claim.payerClaimNumber)
                #expect(icn.count == 14 && String(icn[0..<2]) == "BG" && icn[8] == "-", "\(claim.payerClaimNumber)")
                #expect(String(icn[2..<8]) == "260311" && icn[9...].allSatisfy { $0.isNumber })
            }
        }
        let remittances = try response.files.filter { $0.kind == "835" }.flatMap { try X12File(bytes: $0.bytes).remittances().remittances }
        for remittance in remittances where remittance.payment.amount > .zero {
            #expect(remittance.payment.transfer?.originatingCompanyID == "1614829137", "BPR10 = TRN03")
            #expect(remittance.payment.transfer?.senderBank.bank.hasPrefix("08390417") == true)
        }
        for ack in response.claimAcknowledgments {
            #expect(ack.source.name.last == "BLUEGRASS MUTUAL HEALTH PLAN")
            #expect(ack.source.id == "BGMH1")
        }
        let acknowledged = response.claimStatuses.compactMap(\.payerClaimNumber)
        let paid = Set(payments.flatMap(\.claims).map(\.payerClaimNumber))
        #expect(Set(acknowledged) == paid, "the 277CA's REF*1K is the CLP07 the 835 pays under")
    }

    @Test("claim control numbers, EFT traces and check numbers come from each payer's own sequences, run after run")
    func ownSequences() throws {
        let world = try World(count: 30)
        var simulator = PayerSimulator(seed: 4, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0))
        let ours = try Interchanges.of(world, sentAs: "DEMO01", control: 1)
        let first = try simulator.respond(
            to: [ours, Interchanges.sent(Interchanges.copy(ours, control: 2, prefix: "P"), to: "DEMO02")],
            controls: Interchanges.controls("2026-03-11", control: 10))
        // The next run is another process: the state goes through its JSON.
        var next = PayerSimulator(
            seed: 77, settings: simulator.settings, state: try SimulatorState(json: try simulator.state.json()))
        let second = try next.respond(
            to: [
                Interchanges.copy(ours, control: 3, prefix: "N", otherPractice: false),
                Interchanges.sent(Interchanges.copy(ours, control: 4, prefix: "Q"), to: "DEMO02"),
            ], controls: Interchanges.controls("2026-04-11", control: 30))
        var ourNumbers: Set<String> = ["1", "2", "3", "4", "1001", "2002", "2003", "2004", "BATCH1"]
        for interchange in [ours] { ourNumbers.formUnion(interchange.claims.map(\.claimNumber)) }
        for response in [first, second] {
            for file in response.files { ourNumbers.insert(String(file.name.split(separator: "-").last!.dropLast(4))) }
        }
        func traces(_ response: PayerResponse, _ name: String) -> [String] {
            response.rawPayments.filter { $0.payerName == name && $0.amount > 0 }.map(\.trace)
        }
        let eft = traces(first, "BLUEGRASS MUTUAL HEALTH PLAN") + traces(second, "BLUEGRASS MUTUAL HEALTH PLAN")
        let checks = traces(first, "PRAIRIE SHIELD INSURANCE COMPANY") + traces(second, "PRAIRIE SHIELD INSURANCE COMPANY")
        #expect(eft.count >= 2 && checks.count >= 2)
        #expect(eft.allSatisfy { $0.count == 15 && $0.hasPrefix("08390417") })
        #expect(zip(eft, eft.dropFirst()).allSatisfy { Int($0)! < Int($1)! }, "EFT traces increase: \(eft)")
        #expect(checks.allSatisfy { Int($0) != nil && Int($0)! > 3_004_100 })
        #expect(zip(checks, checks.dropFirst()).allSatisfy { Int($0)! <= Int($1)! }, "check numbers never go back: \(checks)")
        #expect(Int(checks.last!)! > Int(checks.first!)!)
        // A reversal (CLP02 22) repeats the number of the payment it reverses; every other CLP07 is new.
        let icns = (first.rawPayments + second.rawPayments).flatMap(\.claims).filter { $0.status != "22" }.map(\.payerClaimNumber)
        #expect(Set(icns).count == icns.count, "no payer claim number is handed out twice")
        #expect(Set(icns + eft + checks).isDisjoint(with: ourNumbers))
        let prairie = (first.rawPayments + second.rawPayments).filter { $0.payerName == "PRAIRIE SHIELD INSURANCE COMPANY" }
        #expect(prairie.flatMap(\.claims).allSatisfy { $0.payerClaimNumber.hasPrefix("PS") && $0.payerClaimNumber.count == 12 })
        #expect(prairie.allSatisfy { $0.originator == "1470615283" && $0.payerID == nil }, "Prairie is known by TRN03 alone")
    }

    @Test("the state survives its JSON unchanged, and a state of another layout is refused")
    func stateRoundTrip() throws {
        var loop = try Loop(count: 20, seed: 3, settings: SimulatorSettings(reversePercent: 40, recoupPercent: 40))
        try loop.run()
        let state = loop.simulator.state
        #expect(!state.pending.isEmpty)
        #expect(try SimulatorState(json: try state.json()) == state)
        var other = state
        other.version = 99
        #expect(throws: (any Error).self) { try SimulatorState(json: try other.json()) }
    }
}
