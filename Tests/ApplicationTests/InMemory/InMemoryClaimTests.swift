import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing
import TestSupport
import X12

@Suite("Claims from creation to denial work, in memory")
struct InMemoryClaimTests {
    static let slug = InMemoryWorld.slug

    @Test("a claim is created from one patient's sessions for one payer, a line per service")
    func create() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        try await world.core.logSession(world.session("s-1", patient: key, daysAgo: 9), tenant: Self.slug)
        try await world.core.logSession(
            world.session("s-2", patient: key, daysAgo: 2, code: "90837", minutes: 55, charge: 150_00, diagnoses: ["F41.1", "F33.1"]),
            tenant: Self.slug)
        let (claim, events) = try await world.appended {
            try await world.core.createClaim(
                CreateClaimRequest(
                    tenant: Self.slug, patient: key, payer: "aetna", sessions: ["s-1", "s-2"], authorizationNumber: "PA778812"))
        }
        let id = try #require(claim.claimID)
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) claim.created"])
        #expect(claim.status == .draft && claim.payerID == "aetna" && claim.patientKey == key)
        #expect(claim.claimNumber?.rawValue == id.rawValue && id.rawValue.hasPrefix("C") && id.rawValue.count <= 20)
        #expect(claim.charges == Money(cents: 120_00 + 150_00))
        #expect(claim.lines.map(\.code) == ["90834", "90837"])
        #expect(claim.diagnoses.map(\.rawValue) == ["F33.1", "F41.1"], "diagnoses merged, principal first")
        #expect(claim.authorizationNumber == "PA778812")
        #expect(claim.insuranceBalance == claim.charges)
    }

    @Test("a claim is refused for sessions of two patients, an unknown or repeated session, or none, writing nothing")
    func createRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let first = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let second = try await world.insuredPatient("Ada", "Fauxley", memberID: "W998877662")
        try await world.core.logSession(world.session("s-1", patient: first), tenant: Self.slug)
        try await world.core.logSession(world.session("s-2", patient: second), tenant: Self.slug)
        @discardableResult func create(_ sessions: [SessionID], patient: PatientKey? = nil) async throws -> String {
            try await world.refused {
                try await world.core.createClaim(
                    CreateClaimRequest(tenant: Self.slug, patient: patient ?? first, payer: "aetna", sessions: sessions))
            }
        }
        #expect(try await create(["s-1", "s-2"]).contains("must be of patient"))
        #expect(try await create(["s-2"]).contains("must be of patient"), "the sessions must be the named patient's")
        #expect(try await create(["s-1", "s-404"]).contains("no session s-404"))
        #expect(try await create(["s-1", "s-1"]).contains("appears twice"))
        #expect(try await create([]).contains("at least one session"))
    }

    @Test("the scrubber passes a clean claim and fails one without coverage or a supervisor; each scrub is recorded")
    func scrub() async throws {
        let world = try await InMemoryWorld.make()
        let insured = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let uninsured = try await world.core.addPatient(InMemoryWorld.identity("Ada", "Fauxley"), selfPay: false, tenant: Self.slug)
        let clean = try #require(try await world.claim(of: world.session("s-1", patient: insured)).claimID)
        let noCoverage = try #require(try await world.claim(of: world.session("s-2", patient: uninsured)).claimID)
        let unsupervised = try #require(
            try await world.claim(of: world.session("s-3", patient: insured, daysAgo: 3, provider: "r-ortiz")).claimID)
        let (results, events) = try await world.appended {
            try await world.core.scrubClaims([clean, noCoverage, unsupervised], tenant: Self.slug)
        }
        #expect(results.map(\.id) == [clean, noCoverage, unsupervised])
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == [clean, noCoverage, unsupervised].map { "claim-\($0) claim.scrubbed" })
        #expect(results[0].claim.readyToSubmit && !results[0].claim.findings.contains { $0.severity == .error })
        #expect(!results[1].claim.readyToSubmit && results[1].claim.findings.contains { $0.ruleID == "MH010" })
        #expect(!results[2].claim.readyToSubmit && results[2].claim.findings.contains { $0.ruleID == "MH023" })
        #expect(
            try await world.refused { try await world.core.scrubClaims([clean, "CNOSUCHCLAIM"], tenant: Self.slug) }.contains(
                "no claim CNOSUCHCLAIM"))
    }

    @Test("showing a claim records the read of its diagnoses, sensitive when it treats a substance-use disorder")
    func show() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let ordinary = try #require(try await world.claim(of: world.session("s-1", patient: key)).claimID)
        let sud = try #require(try await world.claim(of: world.session("s-2", patient: key, daysAgo: 3, diagnoses: ["F10.20"])).claimID)
        let (shown, events) = try await world.appended {
            try await world.core.showClaim(ordinary, tenant: Self.slug, reason: "appeal preparation")
        }
        #expect(shown.claimID == ordinary && shown.lines.count == 1)
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["access access.phi_viewed"])
        #expect(events[0].object["record"] as? String == "claim:\(ordinary)")
        #expect(events[0].object["patientKey"] as? String == key.rawValue)
        #expect(events[0].object["sensitive"] as? Bool == false)
        let (_, part2) = try await world.appended { try await world.core.showClaim(sud, tenant: Self.slug, reason: "audit") }
        #expect(part2.first?.object["sensitive"] as? Bool == true)
        try await world.refused { try await world.core.showClaim("CNOSUCHCLAIM", tenant: Self.slug, reason: "curiosity") }
    }

    @Test("claims are listed by number, all of them or those in one status; listing writes nothing")
    func list() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        var ids: [ClaimID] = []
        for index in 0..<3 {
            ids.append(
                try #require(try await world.claim(of: world.session(SessionID("s-\(index)"), patient: key, daysAgo: 2 + index)).claimID))
        }
        try await world.core.voidClaim(ids[1], reason: "entered twice", tenant: Self.slug)
        let (all, events) = try await world.appended { try await world.core.listClaims(tenant: Self.slug, status: nil) }
        #expect(all.compactMap(\.claimID) == ids.sorted())
        #expect(events.isEmpty)
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .voided).compactMap(\.claimID) == [ids[1]])
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .draft).count == 2)
        try await world.refused { try await world.core.listClaims(tenant: "nowhere", status: nil) }
    }

    @Test("a corrected session corrects its claim, which must be scrubbed again; a correction needs a reason")
    func correct() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let record = world.session("s-1", patient: key, daysAgo: 4)
        let id = try #require(try await world.claim(of: record).claimID)
        _ = try await world.core.scrubClaims([id], tenant: Self.slug)
        try await world.core.correctSession(
            world.session("s-1", patient: key, daysAgo: 4, code: "90837", minutes: 55, charge: 150_00), reason: "note amended: 55 minutes",
            tenant: Self.slug)
        #expect(try await world.refused { try await world.core.correctClaim(id, reason: "", tenant: Self.slug) }.contains("reason"))
        let (corrected, events) = try await world.appended {
            try await world.core.correctClaim(id, reason: "session corrected", tenant: Self.slug)
        }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) claim.corrected"])
        #expect(events[0].object["chargeChange"] as? String == "30.00")
        #expect(corrected.charges == Money(cents: 150_00) && corrected.lines.map(\.code) == ["90837"])
        #expect(corrected.status == .draft && !corrected.readyToSubmit)
        #expect(corrected.frequency == .original, "not yet adjudicated: still an original")
    }

    @Test("voiding a claim reverses its charges once; a voided claim cannot be voided again")
    func void() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let id = try #require(try await world.claim(of: world.session("s-1", patient: key)).claimID)
        #expect(try await world.refused { try await world.core.voidClaim(id, reason: "", tenant: Self.slug) }.contains("reason"))
        let (_, events) = try await world.appended { try await world.core.voidClaim(id, reason: "entered twice", tenant: Self.slug) }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) claim.voided"])
        #expect(events[0].object["chargesReversed"] as? String == "120.00")
        #expect(events[0].object["frequency"] as? String == "1", "never sent: voided as an original, nothing to tell the payer")
        #expect(try await world.refused { try await world.core.voidClaim(id, reason: "again", tenant: Self.slug) }.contains("voided"))
        #expect(
            try await world.refused { try await world.core.voidClaim("CNOSUCHCLAIM", reason: "x", tenant: Self.slug) }.contains(
                "Create the claim first"))
    }

    @Test("a submitted claim consumes its authorization's units; rejected by the payer and voided, it releases them (nothing to send)")
    func authorizationUnits() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        try await world.core.addAuthorization(
            Authorization(
                number: "PA778812", payerID: "aetna", codes: ["90834"], units: Quantity(units: 12),
                window: EffectivePeriod(from: world.yearStart)),
            patient: key, tenant: Self.slug)
        try await world.core.logSession(world.session("s-1", patient: key), tenant: Self.slug)
        let id = try #require(
            try await world.core.createClaim(
                CreateClaimRequest(tenant: Self.slug, patient: key, payer: "aetna", sessions: ["s-1"], authorizationNumber: "PA778812")
            ).claimID)
        _ = try await world.core.scrubClaims([id], tenant: Self.slug)
        let directory = InMemoryPayerLoop.outputDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (sent, submitted) = try await world.appended {
            try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory))
        }
        try X12Validator.validate(path: try #require(sent).path)
        #expect(submitted.types == ["claim.submitted", "patient.authorization_units_consumed", "x12.interchange_sent"])
        func remaining() async throws -> Quantity? {
            try await world.core.showPatient(key, tenant: Self.slug, reason: "authorization check").state.authorizations["PA778812"]?
                .remaining
        }
        #expect(try await remaining() == Quantity(units: 11))
        // While the payer holds it unadjudicated there is no claim number to void; once it rejects it, the void is ours only.
        #expect(try await world.refused { try await world.core.voidClaim(id, reason: "patient cancelled", tenant: Self.slug) }.contains("835"))
        var simulator = PayerSimulator(seed: 1, settings: SimulatorSettings(rejectPercent: 100, denyPercent: 0, reversePercent: 0))
        let day = world.today
        let response = try simulator.respond(
            toFile: Array(try Data(contentsOf: URL(fileURLWithPath: try #require(sent).path))), fileName: "auth.837",
            controls: SimulatorControls(
                senderID: "PAYERSIM", date: X12Date(year: day.year, month: day.month, day: day.day)!, time: X12Time(hour: 9, minute: 0)!,
                firstControlNumber: 7001, remittanceDays: 1, followUpDays: 2))
        for file in response.files where file.kind == "277CA" {
            _ = try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(file), tenant: nil)
        }
        #expect(try await world.core.showClaim(id, tenant: Self.slug, reason: "check").status == .rejected)
        let (_, voided) = try await world.appended { try await world.core.voidClaim(id, reason: "patient cancelled", tenant: Self.slug) }
        #expect(voided.types == ["claim.voided", "patient.authorization_units_released"])
        #expect(voided[0].object["frequency"] as? String == "1")
        #expect(try await remaining() == Quantity(units: 12))
    }

    @Test("part of a claim's balance is written off with a reason; never more than the balance, nor timely filing to the patient")
    func writeOff() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let id = try #require(try await world.claim(of: world.session("s-1", patient: key)).claimID)
        let (_, events) = try await world.appended {
            try await world.core.writeOff(
                Money(cents: 20_00), claim: id, reason: .smallBalance, side: .insurance, denial: nil, tenant: Self.slug)
        }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) claim.written_off"])
        #expect(try await world.core.showClaim(id, tenant: Self.slug, reason: "check").insuranceBalance == Money(cents: 100_00))
        @discardableResult func writeOff(_ cents: Int64, _ reason: WriteOffReason, _ side: BalanceSide, denial: DenialID? = nil)
            async throws -> String
        {
            try await world.refused {
                try await world.core.writeOff(Money(cents: cents), claim: id, reason: reason, side: side, denial: denial, tenant: Self.slug)
            }
        }
        #expect(try await writeOff(0, .smallBalance, .insurance).contains("more than zero"))
        #expect(try await writeOff(100_01, .badDebt, .insurance).contains("more than the balance"))
        #expect(try await writeOff(10_00, .timelyFiling, .patient).contains("never billed"))
        #expect(try await writeOff(10_00, .denial, .insurance, denial: "D-NOPE").contains("no open denial"))
    }

    @Test("a denied claim's denial is assigned, appealed and finally written off")
    func denialWork() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 4, seed: 3, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 100, reversePercent: 0))
        try await loop.acknowledge()
        let (outcomes, posted) = try await world.appended { try await loop.remit() }
        #expect(outcomes.reduce(0) { $0 + $1.denialsOpened } == 4)
        #expect(posted.of("claim.denied").count == 4)
        var denied: [Claim.State] = []
        for id in loop.claims { denied.append(try await loop.claim(id)) }
        let claim = try #require(denied.first { $0.insuranceBalance > .zero && $0.openDenials.count == 1 }, "a denial the payer owes on")
        let id = try #require(claim.claimID)
        let denial = claim.openDenials[0]
        #expect(claim.status == .denied)

        #expect(
            try await world.refused { try await world.core.assignDenial(denial.denialID, claim: id, owner: "jdoe", due: nil, tenant: Self.slug) }
                .contains("there is no login jdoe"))
        for login in ["jdoe", "mkim"] {
            try await world.core.addStaff(login: login, group: "staff", password: nil)
            try await world.core.assignStaff(login: login, to: Self.slug)
        }
        let (_, assigned) = try await world.appended {
            try await world.core.assignDenial(denial.denialID, claim: id, owner: "jdoe", due: nil, tenant: Self.slug)
        }
        #expect(assigned.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) denial.assigned"])
        #expect(assigned[0].object["dueDate"] as? String == denial.dueDate.description, "due by the payer's appeal window")
        let due = world.today.adding(days: 10)
        try await world.core.assignDenial(denial.denialID, claim: id, owner: "mkim", due: due, tenant: Self.slug)
        #expect(try await loop.claim(id).denials[denial.denialID]?.dueDate == due)

        #expect(
            try await world.refused { try await world.core.appealDenial(denial.denialID, claim: id, reference: "", tenant: Self.slug) }
                .contains("reason"))
        let (_, appealed) = try await world.appended {
            try await world.core.appealDenial(denial.denialID, claim: id, reference: "APL-2026-0042", tenant: Self.slug)
        }
        #expect(appealed.map { "\($0.streamID) \($0.eventType)" } == ["claim-\(id) claim.appealed"])
        #expect(try await loop.claim(id).denials[denial.denialID]?.status == .appealed)

        try await world.refused { try await world.core.assignDenial("D-NOPE", claim: id, owner: "jdoe", due: nil, tenant: Self.slug) }
        try await world.refused { try await world.core.appealDenial("D-NOPE", claim: id, reference: "APL-1", tenant: Self.slug) }
        let other = try #require(loop.claims.first { $0 != id })
        try await world.refused { try await world.core.appealDenial(denial.denialID, claim: other, reference: "APL-1", tenant: Self.slug) }

        let balance = try await loop.claim(id).insuranceBalance
        let (_, written) = try await world.appended {
            try await world.core.writeOff(balance, claim: id, reason: .denial, side: .insurance, denial: denial.denialID, tenant: Self.slug)
        }
        #expect(written.types == ["claim.written_off", "claim.closed"], "settled: the claim closes")
        let after = try await loop.claim(id)
        #expect(after.insuranceBalance == .zero && after.openDenials.isEmpty && after.status == .closed)
        try await world.refused { try await world.core.appealDenial(denial.denialID, claim: id, reference: "APL-2", tenant: Self.slug) }
    }

    @Test("once adjudicated, a claim with money posted cannot be voided; corrected, it becomes a replacement (frequency 7)")
    func replacement() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 1, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        try await loop.remit()
        let id = loop.claims[0]
        #expect(try await loop.claim(id).status == .adjudicated)
        #expect(
            try await world.refused { try await world.core.voidClaim(id, reason: "wrong patient", tenant: Self.slug) }.contains(
                "Money was paid"))
        #expect(
            try await world.refused { try await world.core.correctClaim(id, reason: "retry", tenant: Self.slug) }.contains("Nothing to correct"),
            "the sessions say what the claim says")
        try await world.amendSession(of: try await loop.claim(id))
        let (corrected, events) = try await world.appended {
            try await world.core.correctClaim(id, reason: "modifier added", tenant: Self.slug)
        }
        #expect(events.types == ["claim.corrected"])
        #expect(events[0].object["frequency"] as? String == "7")
        #expect(corrected.frequency == .replacement && corrected.status == .draft)
    }
}
