import Application
import Billing
import EventStore
import Foundation
import Testing

@Suite("Patients and protected health information, in memory")
struct InMemoryPatientTests {
    static let slug = InMemoryWorld.slug

    @Test("a patient's identity goes to the PHI store; the log holds a pseudonymous key, a salted digest and the account")
    func addPatient() async throws {
        let world = try await InMemoryWorld.make()
        let identity = InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: "WQX99887766", born: "1979-11-23")
        let (key, events) = try await world.appended { try await world.core.addPatient(identity, selfPay: true, tenant: Self.slug) }
        #expect(key.rawValue.hasPrefix("pk-"))
        #expect(
            events.map { "\($0.streamID) \($0.eventType)" } == [
                "\(Patient.streamID(key)) patient.registered", "\(PatientAccount.streamID(key)) account.opened",
            ])
        let digest = try #require(events[0].object["identityDigest"] as? String)
        #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))
        #expect(events[1].object["selfPay"] as? Bool == true)
        for event in events {
            let stored = event.payloadText + String(decoding: event.metadata, as: UTF8.self)
            for phi in ["Zebediah", "Quaxworth", "WQX99887766", "1979-11-23", "Oak St", "2175550142"] {
                #expect(!stored.contains(phi), "\(event.eventType) holds no PHI")
            }
        }
        #expect(world.backend.identityCount(of: world.practice.id) == 1)
    }

    @Test("a patient is refused without a last name, born tomorrow, or in an unknown practice, and nothing is stored")
    func addPatientRefusals() async throws {
        let world = try await InMemoryWorld.make()
        #expect(
            try await world.refused {
                try await world.core.addPatient(InMemoryWorld.identity("Zebediah", ""), selfPay: false, tenant: Self.slug)
            }.contains("last name"))
        var unborn = InMemoryWorld.identity("Zebediah", "Quaxworth")
        unborn.dateOfBirth = world.today.adding(days: 1)
        #expect(try await world.refused { try await world.core.addPatient(unborn, selfPay: false, tenant: Self.slug) }.contains("future"))
        #expect(
            try await world.refused {
                try await world.core.addPatient(InMemoryWorld.identity("Zebediah", "Quaxworth"), selfPay: false, tenant: "nowhere")
            }.contains("no tenant nowhere"))
    }

    @Test("showing a patient records the read, with its reason, before returning the identity and the facts")
    func showPatient() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let (view, events) = try await world.appended {
            try await world.core.showPatient(key, tenant: Self.slug, reason: "eligibility call")
        }
        #expect(view.identity == InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: "W998877661"))
        #expect(view.state.coverages.values.map(\.payerID) == ["aetna"])
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["access access.phi_viewed"])
        #expect(events[0].object["record"] as? String == "patient:\(key)")
        #expect(events[0].object["sensitive"] as? Bool == false)
        #expect(try events[0].decodedMetadata().reason == "eligibility call")
        #expect(events[0].dbUser == "rcm_admin")
        #expect(
            try await world.refused { try await world.core.showPatient("pk-nobody", tenant: Self.slug, reason: "curiosity") }
                .contains("no patient pk-nobody"), "no read is recorded of a patient who does not exist")
    }

    @Test("forgetting a patient destroys the identity once; the facts and the books stay")
    func forgetPatient() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let (_, events) = try await world.appended {
            try await world.core.forgetPatient(key, tenant: Self.slug, reason: "retention period ended")
        }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["\(Patient.streamID(key)) patient.identity_forgotten"])
        #expect(world.backend.identityCount(of: world.practice.id) == 0)
        let view = try await world.core.showPatient(key, tenant: Self.slug, reason: "audit")
        #expect(view.identity == nil)
        #expect(view.state.identityForgotten && view.state.coverages.count == 1)
        #expect(
            try await world.refused { try await world.core.forgetPatient(key, tenant: Self.slug, reason: "again") }.contains(
                "already destroyed"))
        try await world.refused { try await world.core.forgetPatient("pk-nobody", tenant: Self.slug, reason: "retention period ended") }
    }

    @Test("a coverage with a catalog payer is recorded on the patient")
    func addCoverage() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(InMemoryWorld.identity("Zebediah", "Quaxworth"), selfPay: false, tenant: Self.slug)
        let coverage = Coverage(
            id: "magellan-bh-primary", payerID: "magellan-bh", order: .primary, copay: Money(cents: 15_00), coinsurancePercent: 20,
            deductible: Money(cents: 500_00), effective: EffectivePeriod(from: world.yearStart))
        let (_, events) = try await world.appended { try await world.core.addCoverage(coverage, patient: key, tenant: Self.slug) }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["\(Patient.streamID(key)) patient.coverage_recorded"])
        #expect(
            try await world.core.showPatient(key, tenant: Self.slug, reason: "check").state.coverages["magellan-bh-primary"] == coverage)
    }

    @Test("a coverage is refused with a payer not in the catalog, a bad cost share, a taken order, twice, or for no patient")
    func addCoverageRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        @discardableResult func add(_ coverage: Coverage, patient: PatientKey? = nil) async throws -> String {
            try await world.refused { try await world.core.addCoverage(coverage, patient: patient ?? key, tenant: Self.slug) }
        }
        let from = EffectivePeriod(from: world.yearStart)
        #expect(
            try await add(Coverage(id: "cigna-primary", payerID: "cigna", order: .secondary, effective: from)).contains(
                "not in the catalog"))
        try await add(
            Coverage(id: "magellan-secondary", payerID: "magellan-bh", order: .secondary, coinsurancePercent: 150, effective: from))
        try await add(Coverage(id: "magellan-primary", payerID: "magellan-bh", order: .primary, effective: from))
        try await add(world.aetnaCoverage())
        try await add(Coverage(id: "magellan-secondary", payerID: "magellan-bh", order: .secondary, effective: from), patient: "pk-nobody")
    }

    @Test("an authorization is recorded with no units consumed, and refused without units, twice or for no patient")
    func addAuthorization() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        var authorization = Authorization(
            number: "PA778812", payerID: "aetna", codes: ["90834", "90837"], units: Quantity(units: 12),
            window: EffectivePeriod(from: world.yearStart, through: LocalDate(year: world.today.year, month: 12, day: 31)))
        authorization.consumed = Quantity(units: 3)
        let (_, events) = try await world.appended { try await world.core.addAuthorization(authorization, patient: key, tenant: Self.slug) }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["\(Patient.streamID(key)) patient.authorization_recorded"])
        let recorded = try #require(
            try await world.core.showPatient(key, tenant: Self.slug, reason: "check").state.authorizations["PA778812"])
        #expect(recorded.remaining == Quantity(units: 12), "a new authorization starts unconsumed")
        try await world.refused { try await world.core.addAuthorization(authorization, patient: key, tenant: Self.slug) }
        var none = authorization
        none.number = "PA778813"
        none.units = .zero
        try await world.refused { try await world.core.addAuthorization(none, patient: key, tenant: Self.slug) }
        try await world.refused { try await world.core.addAuthorization(authorization, patient: "pk-nobody", tenant: Self.slug) }
    }

    @Test("reading a patient treated for a substance-use disorder is recorded as a 42 CFR Part 2 read")
    func substanceUseRead() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        try await world.core.logSession(world.session("s-sud-1", patient: key, diagnoses: ["F10.20"]), tenant: Self.slug)
        let (_, events) = try await world.appended { try await world.core.showPatient(key, tenant: Self.slug, reason: "treatment") }
        // No command runs Patient.flagSubstanceUseRecords: the store marks the read from the patient's sessions (V0015).
        #expect(events.first?.object["sensitive"] as? Bool == true)
    }
}
