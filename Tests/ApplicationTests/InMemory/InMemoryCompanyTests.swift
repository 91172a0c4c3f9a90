import Application
import Billing
import EventStore
import Foundation
import Testing

@Suite("Company, tenants and staff, in memory")
struct InMemoryCompanyTests {
    @Test("onboarding creates the practice's tenant and log, records it in the company's log and configures the practice")
    func onboard() async throws {
        let world = try await InMemoryWorld.make()
        let company = try await world.companyTenant()
        let profile = InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999", taxID: "364599999")
        let (tenant, events) = try await world.appended { try await world.core.onboardPractice(profile) }
        #expect(tenant.slug == "lakeside-therapy" && tenant.kind == .practice && tenant.status == .active)
        #expect(tenant.timeZone == InMemoryWorld.zone)
        #expect(
            events.map {
                "\($0.tenant == company.id ? "company" : $0.tenant == tenant.id ? "new" : "other") \($0.streamID) \($0.eventType)"
            } == [
                "company company company.practice_onboarded", "new practice practice.configured",
            ])
        #expect(events[0].object["tenantID"] as? String == tenant.id.description, "the company records the tenant id it created")
        #expect(events[1].object["practiceID"] as? String == "lakeside-therapy")
        let state = try await world.core.companyState()
        #expect(state.practices[tenant.id.description]?.npi == "1335577999")
        #expect(
            try await world.core.tenants().map(\.slug) == ["company", "acme-counseling", "lakeside-therapy"],
            "the company first, then practices by slug")
    }

    /// A practice profile the company must refuse, and the words the refusal must hold.
    struct BadProfile: Sendable, CustomTestStringConvertible {
        var npi = "1335577999", zip = "627011234", taxID = "364599999", zone = InMemoryWorld.zone, slug = "lakeside-therapy"
        var message: String
        var testDescription: String { message }
    }

    @Test(
        "onboarding refuses a bad NPI, ZIP, tax id, time zone or slug, and a slug in use, writing nothing",
        arguments: [
            BadProfile(npi: "1234567890", message: "NPI 1234567890 is not valid"), BadProfile(zip: "62701", message: "9-digit ZIP"),
            BadProfile(taxID: "36459999", message: "tax id must be 9 digits"),
            BadProfile(zone: "Central Time", message: "not a time zone name"),
            BadProfile(slug: "acme-counseling", message: "already exists"), BadProfile(slug: "Lakeside Therapy", message: "slug"),
        ])
    func onboardRefusals(bad: BadProfile) async throws {
        let world = try await InMemoryWorld.make()
        var profile = InMemoryWorld.profile(slug: bad.slug, npi: bad.npi, zip: bad.zip, taxID: bad.taxID)
        profile.timeZone = bad.zone
        let refusal = try await world.refused { try await world.core.onboardPractice(profile) }
        #expect(refusal.contains(bad.message), "\(refusal)")
    }

    @Test("a staff login cannot onboard a practice, in an empty record or beside an owner's")
    func staffCannotOnboard() async throws {
        let alone = RevenueCycle(backend: InMemoryBackend(login: "jdoe", isOwner: false))
        await #expect(throws: (any Error).self) { try await alone.onboardPractice(InMemoryWorld.profile()) }
        #expect(try await alone.tenants().isEmpty, "not even the company tenant was created")

        let world = try await InMemoryWorld.make()
        let staff = RevenueCycle(backend: world.backend.asLogin("jdoe"))
        try await world.refused { try await staff.onboardPractice(InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999")) }
    }

    @Test("the submitter is recorded in the company's log and refused without an ETIN or with an ISA id over 15 characters")
    func submitter() async throws {
        let world = try await InMemoryWorld.make()
        let changed = SubmitterProfile(
            name: "Northwind Billing", etin: "NWB0002", senderID: "NWBILLING2", receiverID: "AVAILITY", receiverName: "Availity LLC",
            contactPhone: "3125550199")
        let (_, events) = try await world.appended { try await world.core.configureSubmitter(changed) }
        #expect(events.types == ["company.submitter_configured"])
        #expect(events[0].streamID == "company")
        #expect(try await world.core.companyState().submitter == changed)
        var noETIN = changed
        noETIN.etin = ""
        #expect(try await world.refused { try await world.core.configureSubmitter(noETIN) }.contains("ETIN"))
        var longSender = changed
        longSender.senderID = "NORTHWINDBILLING1"
        #expect(try await world.refused { try await world.core.configureSubmitter(longSender) }.contains("15 characters"))
    }

    @Test("a payer joins the catalog once, under a lower-case id; the catalog lists by id")
    func payers() async throws {
        let world = try await InMemoryWorld.make()
        let bcbs = PayerProfile(
            payerID: "bcbs-il", name: "Blue Cross Blue Shield of Illinois", x12PayerID: "00621", kind: "commercial", filingIndicator: "BL")
        let (_, events) = try await world.appended { try await world.core.addPayer(bcbs) }
        #expect(events.types == ["company.payer_added"])
        #expect(events[0].object["x12PayerID"] as? String == "00621")
        #expect(try await world.core.payers().map(\.payerID) == ["aetna", "bcbs-il", "magellan-bh"])
        #expect(try await world.refused { try await world.core.addPayer(bcbs) }.contains("already in the catalog"))
        var badID = bcbs
        badID.payerID = "Blue Cross"
        #expect(try await world.refused { try await world.core.addPayer(badID) }.contains("lower-case"))
    }

    @Test("staff logins are created in a group, assigned to practices and listed with them")
    func staff() async throws {
        let world = try await InMemoryWorld.make()
        let (created, added) = try await world.appended { try await world.core.addStaff(login: "jdoe", group: "staff", password: nil) }
        #expect(created)
        #expect(added.types == ["company.staff_added"])
        #expect(added[0].object["group"] as? String == "staff")
        let (_, assigned) = try await world.appended { try await world.core.assignStaff(login: "jdoe", to: InMemoryWorld.slug) }
        #expect(assigned.types == ["company.staff_assigned"])
        #expect(assigned[0].object["tenantID"] as? String == world.practice.id.description)
        #expect(try await world.core.addStaff(login: "mkim", group: "auditor", password: "correct horse battery staple"))
        #expect(
            try await world.core.addStaff(login: "jdoe", group: "staff", password: nil) == false, "an existing login is not created again")
        #expect(
            try await world.core.staff().map { "\($0.login) \($0.group) \($0.practices)" } == [
                "jdoe staff [\"acme-counseling\"]", "mkim auditor []",
            ])
        #expect(
            try await world.refused { try await world.core.addStaff(login: "pat", group: "janitor", password: nil) }.contains("janitor"))
        try await world.refused { try await world.core.addStaff(login: "J Doe", group: "staff", password: nil) }
        #expect(try await world.refused { try await world.core.assignStaff(login: "jdoe", to: "nowhere") }.contains("no tenant nowhere"))
    }

    @Test("a staff login sees the company and its assigned practices only, and cannot assign itself elsewhere")
    func staffVisibility() async throws {
        let world = try await InMemoryWorld.make()
        let other = try await world.core.onboardPractice(InMemoryWorld.profile(slug: "lakeside-therapy", npi: "1335577999"))
        try await world.core.addStaff(login: "jdoe", group: "staff", password: nil)
        try await world.core.assignStaff(login: "jdoe", to: InMemoryWorld.slug)
        let staff = RevenueCycle(backend: world.backend.asLogin("jdoe"))
        #expect(try await staff.tenants().map(\.slug) == ["company", "acme-counseling"])
        let key = try await staff.addPatient(InMemoryWorld.identity("Zebediah", "Quaxworth"), selfPay: true, tenant: InMemoryWorld.slug)
        #expect(world.practiceEvents.last { $0.streamID == PatientAccount.streamID(key) }?.dbUser == "jdoe", "the log records who wrote")
        #expect(
            try await world.refused {
                try await staff.addPatient(InMemoryWorld.identity("Ada", "Fauxley"), selfPay: true, tenant: other.slug)
            }
            .contains("no tenant lakeside-therapy"))
        try await world.refused { try await staff.assignStaff(login: "jdoe", to: InMemoryWorld.slug) }
        try await world.refused { try await staff.addStaff(login: "mallory", group: "staff", password: nil) }
        try await world.refused { try await staff.restoreDerivedState() }
    }

    @Test("the payer catalog and the submitter are an owner's to change")
    func catalogIsOwners() async throws {
        let world = try await InMemoryWorld.make()
        try await world.core.addStaff(login: "jdoe", group: "staff", password: nil)
        let staff = RevenueCycle(backend: world.backend.asLogin("jdoe"))
        let bcbs = PayerProfile(
            payerID: "bcbs-il", name: "Blue Cross Blue Shield of Illinois", x12PayerID: "00621", kind: "commercial", filingIndicator: "BL")
        // The company's log is open to every login (rcm.may_access), and CompanyService does not check the role.
        await withKnownIssue("a staff login can add a payer and configure the submitter (documented as owner-only)") {
            try await world.refused { try await staff.addPayer(bcbs) }
            try await world.refused { try await staff.configureSubmitter(InMemoryWorld.submitter) }
        }
    }

    @Test("offboarding destroys the practice's identities and files, records it in both logs and marks the tenant")
    func offboard() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        _ = try await world.insuredPatient("Ada", "Fauxley", memberID: "W998877662")
        #expect(world.backend.identityCount(of: world.practice.id) == 2)
        let (destroyed, events) = try await world.appended {
            try await world.core.offboardPractice(InMemoryWorld.slug, reason: "business associate agreement ended")
        }
        #expect(destroyed.identities == 2 && destroyed.files == 0)
        #expect(
            events.map { "\($0.streamID) \($0.eventType)" }.sorted() == [
                "company company.practice_offboarded", "lifecycle tenant.phi_destroyed",
            ])
        #expect(events.of("tenant.phi_destroyed").first?.tenant == world.practice.id)
        #expect(events.of("tenant.phi_destroyed").first?.object["identitiesDestroyed"] as? Int == 2)
        #expect(events.of("company.practice_offboarded").first?.object["reason"] as? String == "business associate agreement ended")
        #expect(world.backend.identityCount(of: world.practice.id) == 0)
        #expect(try await world.core.tenants().first { $0.slug == InMemoryWorld.slug }?.status == .offboarded)
        #expect(
            try await world.core.showPatient(key, tenant: InMemoryWorld.slug, reason: "records request").identity == nil,
            "the facts stay, the identity is gone")
    }

    @Test("offboarding is refused for the company tenant, an unknown tenant and a staff login, writing nothing")
    func offboardRefusals() async throws {
        let world = try await InMemoryWorld.make()
        _ = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        #expect(try await world.refused { try await world.core.offboardPractice("company", reason: "x") }.contains("only a practice"))
        #expect(try await world.refused { try await world.core.offboardPractice("nowhere", reason: "x") }.contains("no tenant nowhere"))
        try await world.core.addStaff(login: "jdoe", group: "staff", password: nil)
        try await world.core.assignStaff(login: "jdoe", to: InMemoryWorld.slug)
        let staff = RevenueCycle(backend: world.backend.asLogin("jdoe"))
        try await world.refused { try await staff.offboardPractice(InMemoryWorld.slug, reason: "not mine to end") }
        #expect(world.backend.identityCount(of: world.practice.id) == 1, "the identities survive a refused offboarding")
    }

    @Test("the company's state folds its log; restoring derived state counts the tenants")
    func companyState() async throws {
        let world = try await InMemoryWorld.make()
        let company = try await world.companyTenant()
        let state = try await world.core.companyState()
        #expect(state.practices.values.map(\.slug) == ["acme-counseling"])
        #expect(state.payers.keys.sorted() == ["aetna", "magellan-bh"])
        #expect(state.submitter == InMemoryWorld.submitter)
        #expect(state.version == Int64(world.backend.events(of: company.id).count))
        let (tenants, events) = try await world.appended { try await world.core.restoreDerivedState() }
        #expect(tenants == 2)
        #expect(events.isEmpty)
    }
}
