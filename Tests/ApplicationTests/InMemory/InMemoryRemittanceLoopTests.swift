import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing
import TestSupport
import X12

@Suite("Submission, the payer's answers and posting, in memory")
struct InMemoryRemittanceLoopTests {
    static let slug = InMemoryWorld.slug

    @Test("submission writes one 837P of the payer's ready claims, records each claim as submitted and keeps the file")
    func submit() async throws {
        let world = try await InMemoryWorld.make()
        var claims: [Claim.State] = []
        for (index, name) in ["Quaxworth", "Fauxley", "Mockridge"].enumerated() {
            let key = try await world.insuredPatient("Demo", name, memberID: "W99887766\(index)")
            claims.append(try await world.claim(of: world.session(SessionID("s-sub-\(index)"), patient: key, daysAgo: 4 + index)))
        }
        let ids = claims.compactMap(\.claimID)
        _ = try await world.core.scrubClaims(ids, tenant: Self.slug)
        let directory = InMemoryPayerLoop.outputDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (result, events) = try await world.appended {
            try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory))
        }
        let submission = try #require(result)
        try X12Validator.validate(path: submission.path)
        #expect(submission.interchangeControlNumber == 1)
        #expect(submission.claimNumbers.sorted() == claims.compactMap(\.claimNumber?.rawValue).sorted())
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ids.map { "claim-\($0) claim.submitted" } + ["x12 x12.interchange_sent"])
        #expect(try events.allSatisfy { try $0.decodedMetadata().source == "x12:\(submission.sha256):0001" })
        #expect(world.backend.fileCount(of: world.practice.id) == 1, "the 837P is kept byte for byte in the PHI store")
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .submitted).count == 3)

        // The file, read back: the billing provider, the payer, one CLM per claim with its charge.
        let segments = X12Segments.of(Array(try Data(contentsOf: URL(fileURLWithPath: submission.path))))
        #expect(segments.contains { $0.prefix(2) == ["NM1", "85"] && $0.last == InMemoryWorld.practiceNPI })
        #expect(segments.contains { $0.prefix(2) == ["NM1", "PR"] && $0.last == "60054" }, "2010BB carries the payer's X12 id")
        #expect(!segments.contains { $0.prefix(2) == ["NM1", "PR"] && $0.last == "aetna" }, "never our catalog id")
        let clms = segments.filter { $0[0] == "CLM" }
        #expect(clms.map { $0[1] }.sorted() == submission.claimNumbers.sorted())
        #expect(clms.allSatisfy { Money(parsing: $0[2]) == Money(cents: 120_00) })

        // Nothing else is ready: no file, nothing written; the next interchange takes the next number.
        let (none, nothing) = try await world.appended {
            try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory))
        }
        #expect(none == nil && nothing.isEmpty)
        let key = try await world.insuredPatient("Demo", "Testacre", memberID: "W998877669")
        let late = try #require(try await world.claim(of: world.session("s-sub-late", patient: key, daysAgo: 2)).claimID)
        _ = try await world.core.scrubClaims([late], tenant: Self.slug)
        let next = try await world.core.submitClaims(
            SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", only: [late], directory: directory))
        #expect(next?.interchangeControlNumber == 2)
        try X12Validator.validate(path: try #require(next).path)
    }

    @Test("submission is refused without a submitter, for a payer not in the catalog, or for a named claim not ready, writing nothing")
    func submitRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let draft = try #require(try await world.claim(of: world.session("s-1", patient: key)).claimID)
        let directory = InMemoryPayerLoop.outputDirectory()
        #expect(
            try await world.refused {
                try await world.core.submitClaims(
                    SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", only: [draft], directory: directory))
            }.contains("not ready to submit"))
        #expect(
            try await world.refused {
                try await world.core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "cigna", directory: directory))
            }.contains("not in the catalog"))
        try await world.refused {
            try await world.core.submitClaims(
                SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", only: ["CNOSUCHCLAIM"], directory: directory))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path), "no file is written for a refused submission")

        let backend = InMemoryBackend()
        let core = RevenueCycle(backend: backend)
        try await core.addPayer(InMemoryWorld.aetna)
        let bare = InMemoryWorld(backend: backend, core: core, practice: try await core.onboardPractice(InMemoryWorld.profile()))
        #expect(
            try await bare.refused {
                try await core.submitClaims(SubmitClaimsRequest(tenant: Self.slug, payer: "aetna", directory: directory))
            }.contains("submitter is not configured"))
    }

    @Test("the 999 is matched to the interchange and kept; the 277CA acknowledges each claim once")
    func acknowledgments() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(world, count: 3)
        let ack999 = try #require(loop.files("999").first)
        let (outcome, events) = try await world.appended {
            try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(ack999), tenant: nil)
        }
        #expect(events.isEmpty, "an accepted 999 changes no claim")
        #expect(outcome.lines == ["acme-counseling: 999 set 0001 accepted (A) 3 claim(s)"])
        #expect(world.backend.fileCount(of: world.practice.id) == 2)

        let ack277 = try #require(loop.files("277CA").first)
        let (acknowledged, claimEvents) = try await world.appended {
            try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(ack277), tenant: Self.slug)
        }
        #expect(acknowledged.accepted == 3 && acknowledged.rejected == 0 && acknowledged.unknown.isEmpty)
        #expect(
            claimEvents.map { "\($0.streamID) \($0.eventType)" }.sorted() == loop.claims.map { "claim-\($0) claim.acknowledged" }.sorted())
        #expect(
            try claimEvents.allSatisfy {
                try $0.decodedMetadata().source.hasPrefix("x12:") && $0.idempotencyKey?.hasPrefix("277CA|") == true
            })
        #expect(try await world.core.listClaims(tenant: Self.slug, status: .acknowledged).count == 3)

        let (again, nothing) = try await world.appended {
            try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(ack277), tenant: nil)
        }
        #expect(again.repeated == 3 && again.accepted == 0 && nothing.isEmpty, "a repeated 277CA appends nothing")
        let remit = try #require(loop.files("835").first)
        #expect(
            try await world.refused { try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(remit), tenant: nil) }
                .contains("no 999 or 277CA"))
    }

    @Test("claims the 277CA rejects are rejected, and can be corrected and scrubbed again")
    func rejections() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(world, count: 2, settings: SimulatorSettings(rejectPercent: 100))
        let ack = try #require(loop.files("277CA").first)
        let (outcome, events) = try await world.appended {
            try await world.core.importAcknowledgment(InMemoryPayerLoop.upload(ack), tenant: nil)
        }
        #expect(outcome.rejected == 2 && outcome.accepted == 0)
        #expect(events.types == ["claim.rejected", "claim.rejected"])
        #expect(loop.files("835").isEmpty, "a rejected claim is never adjudicated")
        let rejected = try await loop.claim(loop.claims[0])
        #expect(rejected.status == .rejected)
        let scrubbed = try await world.core.scrubClaims([loop.claims[0]], tenant: Self.slug)
        #expect(scrubbed[0].claim.readyToSubmit, "a rejected claim is fixed and sent again as an original")
    }

    @Test("every 835 posts to the cent: each claim's payments are its CLP04s, the patients' share its CAS*PR; a repeat posts nothing")
    func remittances() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 8, seed: 11, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 30))
        try await loop.acknowledge()
        let remits = loop.files("835")
        let figures = RemittanceFigures(remits.map(\.bytes))
        let (outcomes, events) = try await world.appended { try await loop.remit() }
        #expect(outcomes.count == figures.payments.count)
        #expect(outcomes.allSatisfy { $0.status == .posted && $0.practice?.slug == Self.slug }, "\(outcomes.compactMap(\.message))")
        #expect(outcomes.map(\.transactionControlNumber) == figures.payments.map(\.control))

        // Each payment is one remittance.received carrying BPR02 and TRN02, keyed for idempotency.
        let received = events.of("remittance.received")
        #expect(received.map { $0.object["amount"] as? String } == figures.payments.map { $0.amount.description })
        #expect(received.map { $0.object["traceNumber"] as? String } == figures.payments.map(\.trace))
        #expect(received.allSatisfy { $0.idempotencyKey?.hasPrefix("835:") == true })

        // The money, claim by claim, against the files' own figures.
        for (index, id) in loop.claims.enumerated() {
            let claim = try await loop.claim(id)
            let number = try #require(claim.claimNumber?.rawValue)
            #expect(claim.insurancePaid == figures.paid[number] ?? .zero, "claim \(index): insurance paid is ΣCLP04")
            #expect(claim.status == .adjudicated)
        }
        #expect(loop.claims.count == Set(figures.paid.keys).count && figures.totalPaid > .zero)
        var charged: [PatientKey: Money] = [:]
        for event in events.of("account.charge_posted") {
            let key = PatientKey(try #require(event.object["patientKey"] as? String))
            charged[key, default: .zero] += try #require(Money(parsing: event.object["amount"] as? String ?? ""))
        }
        for event in events.of("account.charge_reversed") {
            let key = PatientKey(try #require(event.object["patientKey"] as? String))
            charged[key, default: .zero] -= try #require(Money(parsing: event.object["amount"] as? String ?? ""))
        }
        for (index, key) in loop.patients.enumerated() {
            let number = try #require(try await loop.claim(loop.claims[index]).claimNumber?.rawValue)
            #expect(charged[key] ?? .zero == figures.patientShare[number] ?? .zero, "patient \(index): the account is charged ΣCAS*PR")
        }
        let reversals = events.of("claim.adjudication_reversed").count
        #expect(reversals > 0, "the seed reverses some claims")
        #expect(
            figures.payments.flatMap(\.claims).count == loop.claims.count + 2 * reversals,
            "each reversal is followed by its re-adjudication")

        // A second import of every file posts nothing.
        let (repeats, nothing) = try await world.appended { try await loop.remit() }
        #expect(repeats.allSatisfy { $0.status == .skipped })
        #expect(nothing.isEmpty)
    }

    /// The 835 with its first BPR02 (the check amount) $10.00 higher, so it no longer balances.
    static func raisingCheck(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let start = text.range(of: "BPR*")!.lowerBound
        let segment = String(text[start...].prefix { $0 != "~" })
        var elements = segment.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        elements[2] = (Money(parsing: elements[2])! + Money(cents: 10_00)).description
        return Array(
            text.replacingCharacters(in: start..<text.index(start, offsetBy: segment.count), with: elements.joined(separator: "*")).utf8)
    }

    @Test("a payment that does not balance posts nothing, unless accepted with a reason, which is recorded")
    func imbalance() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 2, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        let remit = try #require(loop.files("835").first)
        let tampered = X12Upload(bytes: Self.raisingCheck(remit.bytes), fileName: "remit-tampered.835")
        let (refused, nothing) = try await world.appended {
            try await world.core.importRemittance(tampered, tenant: Self.slug, acceptImbalance: false, reason: nil)
        }
        #expect(refused.map(\.status) == [.refused])
        #expect(refused[0].message?.contains("does not balance") == true)
        #expect(nothing.isEmpty)
        // Accepting an imbalance needs a reason, in the core as on the command line.
        let unreasoned = try await world.refused {
            try await world.core.importRemittance(tampered, tenant: Self.slug, acceptImbalance: true, reason: nil)
        }
        #expect(unreasoned.contains("needs a reason"))
    }

    @Test("an unbalanced payment accepted with a reason posts, with the reason on its events")
    func imbalanceAccepted() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 2, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        let remit = try #require(loop.files("835").first)
        let (accepted, events) = try await world.appended {
            try await world.core.importRemittance(
                X12Upload(bytes: Self.raisingCheck(remit.bytes), fileName: "remit-tampered.835"), tenant: Self.slug, acceptImbalance: true,
                reason: "payer confirmed the check by phone")
        }
        #expect(accepted.map(\.status) == [.posted])
        #expect(accepted[0].message?.contains("out of balance by") == true)
        let received = try #require(events.of("remittance.received").first)
        #expect(received.object["balanced"] as? Bool == false)
        #expect(try received.decodedMetadata().reason == "payer confirmed the check by phone")
    }

    @Test("an 835 to a payee no practice has, or to another practice than the one named, posts nothing")
    func unmatchedPayee() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 1, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        let remit = try #require(loop.files("835").first)
        let stranger = String(decoding: remit.bytes, as: UTF8.self).replacingOccurrences(of: InMemoryWorld.practiceNPI, with: "1335577999")
            .replacingOccurrences(of: "364512345", with: "364599999")
        let (outcomes, nothing) = try await world.appended {
            try await world.core.importRemittance(
                X12Upload(bytes: Array(stranger.utf8), fileName: "stranger.835"), tenant: nil, acceptImbalance: false, reason: nil)
        }
        #expect(outcomes.map(\.status) == [.refused] && nothing.isEmpty)
        #expect(outcomes[0].message?.contains("matches no practice") == true)

        let other = try await world.core.onboardPractice(
            InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999", taxID: "364599999"))
        let (elsewhere, none) = try await world.appended {
            try await world.core.importRemittance(InMemoryPayerLoop.upload(remit), tenant: other.slug, acceptImbalance: false, reason: nil)
        }
        #expect(elsewhere.map(\.status) == [.refused] && none.isEmpty)
        #expect(elsewhere[0].message?.contains("not lakeside-therapy") == true)
    }
}
