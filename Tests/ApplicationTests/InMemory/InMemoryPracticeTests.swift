import Application
import Billing
import EventStore
import Foundation
import Testing

@Suite("Practice set-up, in memory")
struct InMemoryPracticeTests {
    static let slug = InMemoryWorld.slug

    @Test("a provider is added to the practice aggregate and named in its directory, in one transaction")
    func addProvider() async throws {
        let world = try await InMemoryWorld.make()
        let provider = Provider(id: "m-cho", npi: "1246802460", taxonomy: "2084P0800X", licence: .physician)
        let (_, events) = try await world.appended {
            try await world.core.addProvider(
                provider, profile: ProviderProfile(providerID: "m-cho", firstName: "Min", lastName: "Cho", credentials: "MD"),
                tenant: Self.slug)
        }
        #expect(
            events.map { "\($0.streamID) \($0.eventType)" } == [
                "practice practice.provider_added", "directory directory.provider_profiled",
            ])
        #expect(events.allSatisfy { $0.tenant == world.practice.id })
        #expect(events[0].payloadText.contains("1246802460"))
        #expect(events[1].object["lastName"] as? String == "Cho")
    }

    @Test("a provider is refused with a bad NPI, without a supervisor when pre-licensed, twice, or in an unknown practice")
    func addProviderRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let profile = ProviderProfile(providerID: "new", firstName: "Avery", lastName: "Sample", credentials: "LPC")
        @discardableResult func add(_ provider: Provider, tenant: String = Self.slug) async throws -> String {
            try await world.refused { try await world.core.addProvider(provider, profile: profile, tenant: tenant) }
        }
        #expect(
            try await add(Provider(id: "new", npi: "1234567890", taxonomy: "101YP2500X", licence: .licensedTherapist)).contains(
                "1234567890"))
        #expect(try await add(Provider(id: "new", npi: "1246802460", taxonomy: "101YP2500X", licence: .preLicensed)).contains("supervis"))
        #expect(
            try await add(
                Provider(id: "new", npi: "1246802460", taxonomy: "101YP2500X", licence: .licensedTherapist, supervisor: "dr-nobody")
            ).contains("dr-nobody"))
        try await add(Provider(id: "dr-lee", npi: "1246802460", taxonomy: "103T00000X", licence: .psychologist))
        #expect(
            try await add(Provider(id: "new", npi: "1246802460", taxonomy: "101YP2500X", licence: .licensedTherapist), tenant: "nowhere")
                .contains("no tenant nowhere"))
    }

    @Test("enrolment records the payer with its providers, this year's rule and the contracted rates")
    func enroll() async throws {
        let world = try await InMemoryWorld.make()
        let request = InMemoryWorld.enrolment(
            payer: "magellan-bh", providers: ["dr-lee", "j-park"], timelyFilingDays: 180, rates: [("90837", Money(cents: 140_00))])
        let (_, events) = try await world.appended { try await world.core.enroll(request) }
        #expect(events.types == ["practice.payer_enrolled", "practice.payer_rule_set", "practice.contract_rates_set"])
        #expect(events.allSatisfy { $0.streamID == "practice" && $0.tenant == world.practice.id })
        #expect(events[0].object["providers"] as? [String] == ["dr-lee", "j-park"])
        let rule = try #require(events[1].object["rule"] as? [String: Any])
        #expect(rule["timelyFilingDays"] as? Int == 180)
        #expect(rule["effectiveFrom"] as? String == world.yearStart.description)
        #expect(events[2].payloadText.contains("90837") && events[2].payloadText.contains("140.00"))
    }

    @Test("an enrolment without rates records the payer and its rule only")
    func enrollWithoutRates() async throws {
        let world = try await InMemoryWorld.make()
        let (_, events) = try await world.appended {
            try await world.core.enroll(InMemoryWorld.enrolment(payer: "magellan-bh", providers: ["dr-lee"], rates: []))
        }
        #expect(events.types == ["practice.payer_enrolled", "practice.payer_rule_set"])
    }

    @Test("an enrolment is refused, all of it, for a payer not in the catalog or enrolled already, an unknown provider, a bad rule or rate")
    func enrollRefusals() async throws {
        let world = try await InMemoryWorld.make()
        @discardableResult func enroll(_ request: EnrolmentRequest) async throws -> String {
            try await world.refused { try await world.core.enroll(request) }
        }
        #expect(try await enroll(InMemoryWorld.enrolment(payer: "cigna", providers: ["dr-lee"])).contains("not in the catalog"))
        try await enroll(InMemoryWorld.enrolment(payer: "aetna", providers: ["dr-lee"]))
        #expect(try await enroll(InMemoryWorld.enrolment(payer: "magellan-bh", providers: ["dr-nobody"])).contains("dr-nobody"))
        #expect(
            try await enroll(InMemoryWorld.enrolment(payer: "magellan-bh", providers: ["dr-lee"], timelyFilingDays: 0)).contains(
                "timely filing"))
        // The payer and its rule were decided before the bad rate: the transaction keeps none of them.
        try await enroll(InMemoryWorld.enrolment(payer: "magellan-bh", providers: ["dr-lee"], rates: [("99999", Money(cents: 10_00))]))
        try await enroll(InMemoryWorld.enrolment(payer: "magellan-bh", providers: ["dr-lee"], rates: [("90837", Money(cents: -1_00))]))
        #expect(!world.practiceEvents.contains { $0.payloadText.contains("magellan-bh") })
    }

    @Test("a claim for a payer the practice is not enrolled with fails the scrubber")
    func notEnrolled() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let record = world.session("s-ne-1", patient: key)
        try await world.core.logSession(record, tenant: Self.slug)
        let claim = try await world.core.createClaim(
            CreateClaimRequest(tenant: Self.slug, patient: key, payer: "magellan-bh", sessions: ["s-ne-1"]))
        let scrubbed = try await world.core.scrubClaims([try #require(claim.claimID)], tenant: Self.slug)[0].claim
        #expect(!scrubbed.readyToSubmit)
        #expect(scrubbed.findings.contains { $0.ruleID == "MH024" })
    }
}
