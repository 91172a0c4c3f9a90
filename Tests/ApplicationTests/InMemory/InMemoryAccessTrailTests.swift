import Application
import Billing
import EventStore
import Foundation
import Testing

@Suite("The access trail, in memory")
struct InMemoryAccessTrailTests {
    static let slug = InMemoryWorld.slug

    /// A practice where the owner and the assigned staff login `jdoe` each read a patient's records.
    static func reads() async throws -> (InMemoryWorld, RevenueCycle, PatientKey, ClaimID) {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let claim = try #require(try await world.claim(of: world.session("s-1", patient: key, diagnoses: ["F10.20"])).claimID)
        try await world.core.addStaff(login: "jdoe", group: "staff", password: nil)
        try await world.core.assignStaff(login: "jdoe", to: Self.slug)
        let staff = RevenueCycle(backend: world.backend.asLogin("jdoe"))
        _ = try await world.core.showPatient(key, tenant: Self.slug, reason: "eligibility call")
        _ = try await staff.showClaim(claim, tenant: Self.slug, reason: "appeal preparation")
        _ = try await staff.showPatient(key, tenant: Self.slug, reason: "billing question")
        return (world, staff, key, claim)
    }

    @Test("every read of a patient's records is listed in order: practice, login, record, reason, sensitivity")
    func trail() async throws {
        let (world, _, key, claim) = try await Self.reads()
        let other = try await world.insuredPatient("Ada", "Fauxley", memberID: "W998877662")
        _ = try await world.core.showPatient(other, tenant: Self.slug, reason: "unrelated")
        let (records, events) = try await world.appended {
            try await world.core.accessTrail(patient: key, login: nil, since: nil, tenant: nil)
        }
        #expect(events.isEmpty, "reading the trail is not itself a read of PHI")
        #expect(
            records.map { "\($0.practice) \($0.login) \($0.record) \($0.reason)" } == [
                "acme-counseling rcm_admin patient:\(key) eligibility call",
                "acme-counseling jdoe claim:\(claim) appeal preparation",
                "acme-counseling jdoe patient:\(key) billing question",
            ])
        #expect(records.count == 3 && records[1].sensitive, "the claim treats a substance-use disorder: a 42 CFR Part 2 read")
        #expect(records.map(\.recordedAt) == records.map(\.recordedAt).sorted())
    }

    @Test("the trail narrows to one login, to reads since a date, and to one practice")
    func filters() async throws {
        let (world, _, key, _) = try await Self.reads()
        #expect(
            try await world.core.accessTrail(patient: nil, login: "jdoe", since: nil, tenant: Self.slug).map(\.reason) == [
                "appeal preparation", "billing question",
            ])
        #expect(try await world.core.accessTrail(patient: nil, login: "nobody", since: nil, tenant: nil).isEmpty)
        // The console's page: only the newest reads, oldest first, for one practice or across all.
        #expect(
            try await world.core.accessTrail(patient: key, login: nil, since: nil, tenant: Self.slug, newest: 2).map(\.reason) == [
                "appeal preparation", "billing question",
            ])
        #expect(try await world.core.accessTrail(patient: nil, login: "jdoe", since: nil, tenant: nil, newest: 1).map(\.reason) == ["billing question"])
        // `since` is a calendar day of the recording clock (UTC here, midnight in the server's zone in PostgreSQL).
        let recordedToday = CommandContext.today(in: TimeZone.current.identifier, environment: [:])
        #expect(try await world.core.accessTrail(patient: key, login: nil, since: recordedToday, tenant: nil).count == 3)
        #expect(try await world.core.accessTrail(patient: key, login: nil, since: recordedToday.adding(days: 1), tenant: nil).isEmpty)
        #expect(
            try await world.refused { try await world.core.accessTrail(patient: nil, login: nil, since: nil, tenant: "nowhere") }
                .contains("no tenant nowhere"))
    }

    @Test("a staff login sees the trail of the practices it is assigned to, not of others")
    func staffScope() async throws {
        let (world, staff, _, _) = try await Self.reads()
        let lakeside = try await world.core.onboardPractice(InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999"))
        let stranger = try await world.core.addPatient(InMemoryWorld.identity("Ada", "Fauxley"), selfPay: true, tenant: lakeside.slug)
        _ = try await world.core.showPatient(stranger, tenant: lakeside.slug, reason: "intake")
        #expect(
            try await world.core.accessTrail(patient: nil, login: nil, since: nil, tenant: nil).map(\.practice).contains("lakeside-therapy")
        )
        #expect(
            try await staff.accessTrail(patient: nil, login: nil, since: nil, tenant: nil).map(\.practice)
                == Array(repeating: Self.slug, count: 3))
        try await world.refused { try await staff.accessTrail(patient: nil, login: nil, since: nil, tenant: lakeside.slug) }
    }

    @Test("an auditor reads the trail of every practice, but no patient's identity, and writes nothing else")
    func auditor() async throws {
        let (world, _, key, _) = try await Self.reads()
        let lakeside = try await world.core.onboardPractice(InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999"))
        let stranger = try await world.core.addPatient(InMemoryWorld.identity("Ada", "Fauxley"), selfPay: true, tenant: lakeside.slug)
        _ = try await world.core.showPatient(stranger, tenant: lakeside.slug, reason: "intake")
        try await world.core.addStaff(login: "mkim", group: "auditor", password: nil)
        let auditor = RevenueCycle(backend: world.backend.asLogin("mkim"))
        #expect(try await auditor.tenants().map(\.slug) == ["company", "acme-counseling", "lakeside-therapy"])
        #expect(
            Set(try await auditor.accessTrail(patient: nil, login: nil, since: nil, tenant: nil).map(\.practice)) == [
                Self.slug, "lakeside-therapy",
            ])
        try await world.refused { try await auditor.showPatient(key, tenant: Self.slug, reason: "audit sample") }
        try await world.refused {
            try await auditor.addPatient(InMemoryWorld.identity("Eve", "Mockridge"), selfPay: true, tenant: Self.slug)
        }
        try await world.refused { try await auditor.logSession(world.session("s-audit", patient: key), tenant: Self.slug) }
    }

    @Test("documents record the read of the identity they print")
    func documentsAreReads() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        _ = try await world.core.createEstimate(
            for: key, items: [EstimateItem(code: "90834", quantity: 10, unitCharge: Money(cents: 130_00))], validThrough: nil,
            tenant: Self.slug)
        try await world.core.logSession(world.session("s-1", patient: key), tenant: Self.slug)
        _ = try await world.core.superbills(for: key, from: world.today.adding(days: -30), through: world.today, tenant: Self.slug)
        #expect(
            try await world.core.accessTrail(patient: nil, login: nil, since: nil, tenant: Self.slug).map { "\($0.record) \($0.reason)" }
                == [
                    "patient:\(key) good faith estimate", "patient:\(key) superbill",
                ])
        let ofPatient = try await world.core.accessTrail(patient: key, login: nil, since: nil, tenant: Self.slug)
        #expect(ofPatient.count == 2, "documents' reads are in the patient's own trail")
    }
}
