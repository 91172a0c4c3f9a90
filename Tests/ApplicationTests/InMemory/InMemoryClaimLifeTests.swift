import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing
import TestSupport
import X12

@Suite("Voids and replacements reach the payer; claims close and reopen, in memory")
struct InMemoryClaimLifeTests {
    static let slug = InMemoryWorld.slug

    /// Four claims denied by the payer's 835 (the simulator denies every claim).
    static func deniedLoop(_ world: InMemoryWorld) async throws -> InMemoryPayerLoop {
        let loop = try await InMemoryPayerLoop.make(
            world, count: 4, seed: 3, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 100, reversePercent: 0))
        try await loop.acknowledge()
        try await loop.remit()
        return loop
    }

    /// A denied claim with nothing posted (a CO denial of the whole claim): one that can be voided.
    static func voidable(_ loop: InMemoryPayerLoop) async throws -> Claim.State {
        var claims: [Claim.State] = []
        for id in loop.claims { claims.append(try await loop.claim(id)) }
        return try #require(
            claims.first {
                $0.status == .denied && $0.insurancePaid == .zero && $0.adjustments == .zero && $0.patientBalance == .zero
            }, "a denial with nothing posted")
    }

    /// The segments of an 837P written by `submitClaims`, removed from disk once read.
    static func segments(_ result: SubmissionService.Result) throws -> [[String]] {
        try X12Validator.validate(path: result.path)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: result.path)))
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: result.path).deletingLastPathComponent())
        return X12Segments.of(bytes)
    }

    /// The CLM segment of `number` and the REF*F8 of its loop 2300 (the segments up to the next CLM).
    static func claimSegment(_ segments: [[String]], _ number: String) -> (clm: [String]?, f8: String?) {
        guard let start = segments.firstIndex(where: { $0[0] == "CLM" && $0[1] == number }) else { return (nil, nil) }
        let rest = segments[(start + 1)...].prefix { $0[0] != "CLM" && $0[0] != "LX" }
        return (segments[start], rest.first { $0.prefix(2) == ["REF", "F8"] }?[2])
    }

    @Test("a void of an adjudicated claim waits as voidPending, then goes as frequency 8 with REF*F8 = CLP07; the 277CA acceptance posts")
    func voidReachesPayer() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await Self.deniedLoop(world)
        let claim = try await Self.voidable(loop)
        let id = try #require(claim.claimID)
        let icn = try #require(claim.adjudications.last?.adjudication.payerClaimNumber)

        let (voided, events) = try await world.appended {
            try await world.core.voidClaim(id, reason: "wrong patient", tenant: Self.slug)
        }
        #expect(events.types.first == "claim.voided")
        let payload = try #require(events.of("claim.voided").first).object
        #expect(payload["frequency"] as? String == "8" && payload["originalPayerClaimNumber"] as? String == icn)
        #expect(voided.status == .voidPending && voided.originalPayerClaimNumber == icn)
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .voidPending).compactMap(\.claimID) == [id])

        let directory = InMemoryPayerLoop.outputDirectory()
        let (result, sent) = try await world.appended {
            try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory))
        }
        let submission = try #require(result)
        #expect(submission.claimNumbers == [id.rawValue], "only the void is sent")
        #expect(sent.of("claim.submitted").first?.object["frequency"] as? String == "8")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: submission.path)))
        let (clm, f8) = Self.claimSegment(try Self.segments(submission), id.rawValue)
        #expect(clm?[5].hasSuffix(":8") == true, "CLM05-3 = 8: \(clm ?? [])")
        #expect(f8 == icn, "REF*F8 names the payer's claim number from its 835")
        let after = try await loop.claim(id)
        #expect(after.status == .voided && after.voidSent)

        // The payer's answer: a 277CA accepting the void, and no 835.
        var simulator = PayerSimulator(seed: 4, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        let day = world.today
        let response = try simulator.respond(
            toFile: bytes, fileName: URL(fileURLWithPath: submission.path).lastPathComponent,
            controls: SimulatorControls(
                senderID: "PAYERSIM", date: X12Date(year: day.year, month: day.month, day: day.day)!, time: X12Time(hour: 9, minute: 0)!,
                firstControlNumber: 9001, remittanceDays: 1, followUpDays: 2))
        #expect(response.outcomes[id.rawValue] == .voidAccepted)
        let files = response.files
        #expect(!files.contains { $0.kind == "835" })
        let (_, acknowledged) = try await world.appended {
            for file in files where file.kind == "277CA" { _ = try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(file), tenant: nil) }
        }
        #expect(acknowledged.types == ["claim.acknowledged"])
        let final = try await loop.claim(id)
        #expect(final.status == .voided && final.voidAcknowledged)
        #expect(try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory)) == nil)
    }

    @Test("a correction of an adjudicated claim is a replacement: frequency 7 with REF*F8 = CLP07 in the file")
    func replacementReachesPayer() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await Self.deniedLoop(world)
        let claim = try await Self.voidable(loop)
        let id = try #require(claim.claimID)
        let icn = try #require(claim.adjudications.last?.adjudication.payerClaimNumber)
        try await world.amendSession(of: claim)
        let corrected = try await world.core.correctClaim(id, reason: "modifier added", tenant: Self.slug)
        #expect(corrected.frequency == .replacement && corrected.originalPayerClaimNumber == icn && corrected.status == .draft)
        _ = try await world.core.scrubClaims([id], tenant: Self.slug)
        let result = try #require(
            try await world.core.submitClaims(
                SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", only: [id], directory: InMemoryPayerLoop.outputDirectory())))
        let (clm, f8) = Self.claimSegment(try Self.segments(result), id.rawValue)
        #expect(clm?[5].hasSuffix(":7") == true, "CLM05-3 = 7: \(clm ?? [])")
        #expect(f8 == icn)
    }

    @Test("a claim the payer never adjudicated: voided without sending when never sent, refused while the payer holds it")
    func neverAdjudicated() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let draft = try #require(try await world.claim(of: world.session("s-1", patient: key)).claimID)
        let (voided, events) = try await world.appended { try await world.core.voidClaim(draft, reason: "duplicate", tenant: Self.slug) }
        #expect(events.types == ["claim.voided"] && events[0].object["frequency"] as? String == "1")
        #expect(voided.status == .voided && !voided.voidSent, "nothing to send: the payer never had it")
        #expect(
            try await world.core.submitClaims(
                SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: InMemoryPayerLoop.outputDirectory())) == nil)

        // Sent and acknowledged, not yet adjudicated: no CLP07 to name, so neither void nor correction yet.
        let loop = try await InMemoryPayerLoop.make(world, count: 1, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        let held = loop.claims[0]
        #expect(try await loop.claim(held).status == .acknowledged)
        let message = try await world.refused { try await world.core.voidClaim(held, reason: "wrong patient", tenant: Self.slug) }
        #expect(message.contains("has not adjudicated it") && message.contains("aetna"), "\(message)")
        #expect(
            try await world.refused { try await world.core.correctClaim(held, reason: "modifier", tenant: Self.slug) }
                .contains("Wait for its 835"))
    }

    @Test("a claim closes once the patient pays what remains, and reopens before a reversal")
    func closeOnPaymentReopenOnReversal() async throws {
        let world = try await InMemoryWorld.make()
        // The payer reverses in a later run what it paid in the first (the simulator remembers across runs).
        let loop = try await InMemoryPayerLoop.make(
            world, count: 1, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 100), laterRun: true)
        try await loop.acknowledge()
        let remits = loop.files("835")
        try #require(remits.count == 2, "the payment, then its reversal and re-adjudication")
        _ = try await world.core.importRemittance(InMemoryPayerLoop.upload(remits[0]), tenant: nil, acceptImbalance: false, reason: nil)
        let id = loop.claims[0]
        let paid = try await loop.claim(id)
        #expect(paid.status == .adjudicated && paid.insuranceBalance == .zero && paid.patientBalance > .zero, "the patient owes a share")

        let (_, closing) = try await world.appended {
            try await world.core.postPatientPayment(
                paid.patientBalance, method: .card, patient: loop.patients[0], claim: id, paymentID: nil, tenant: Self.slug)
        }
        #expect(closing.filter { $0.streamID == "claim-\(id)" }.types == ["claim.patient_payment_applied", "claim.closed"])
        #expect(try await loop.claim(id).status == .closed)
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .closed).compactMap(\.claimID) == [id])

        let (_, reversed) = try await world.appended {
            try await world.core.importRemittance(InMemoryPayerLoop.upload(remits[1]), tenant: nil, acceptImbalance: false, reason: nil)
        }
        let types = reversed.filter { $0.streamID == "claim-\(id)" }.types
        #expect(Array(types.prefix(2)) == ["claim.reopened", "claim.adjudication_reversed"], "\(types)")
        #expect(types.contains("claim.adjudicated"))
        let after = try await loop.claim(id)
        #expect(after.status != .closed || (after.balance == .zero && after.openDenials.isEmpty))
    }

    @Test("a claim closes after a write-off to zero that resolves its denial, but not while a denial is open")
    func closeAfterWriteOff() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await Self.deniedLoop(world)
        var claims: [Claim.State] = []
        for id in loop.claims { claims.append(try await loop.claim(id)) }
        let denied = claims.filter { $0.insuranceBalance > .zero && $0.patientBalance == .zero && $0.openDenials.count == 1 }
        try #require(denied.count >= 2, "two denials the payer owes on")

        // Written off without naming the denial: the balance is zero, the denial is still open, so it stays open.
        let open = try #require(denied[0].claimID)
        let (_, kept) = try await world.appended {
            try await world.core.writeOff(denied[0].insuranceBalance, claim: open, reason: .smallBalance, side: .insurance, denial: nil, tenant: Self.slug)
        }
        #expect(kept.types == ["claim.written_off"])
        let stillOpen = try await loop.claim(open)
        #expect(stillOpen.balance == .zero && stillOpen.status == .denied)

        // Written off against the denial: resolved, balance zero, closed.
        let closed = try #require(denied[1].claimID)
        let (_, written) = try await world.appended {
            try await world.core.writeOff(
                denied[1].insuranceBalance, claim: closed, reason: .denial, side: .insurance, denial: denied[1].openDenials[0].denialID,
                tenant: Self.slug)
        }
        #expect(written.types == ["claim.written_off", "claim.closed"])
        #expect(try await loop.claim(closed).status == .closed)
    }

    @Test("the claim's life is decided all or nothing: a refused command on a closed claim records no reopen")
    func lifecycleIsAtomic() throws {
        var state = Claim.State()
        state.status = .closed
        state.claimID = "C1"
        let date = LocalDate("2026-03-01")!
        #expect(Claim.reopening(before: .void(reason: "x", on: date, period: AccountingPeriod("2026-03")!), state) != nil)
        #expect(Claim.reopening(before: .submit(on: date), state) == nil)
        #expect(throws: Claim.Rejection.self) {
            try Claim.decideInLife(.writeOff(amount: Money(cents: 1), reason: .smallBalance, side: .insurance, denialID: nil, on: date, period: AccountingPeriod("2026-03")!), state)
        }
    }
}
