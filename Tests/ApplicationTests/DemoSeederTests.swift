import Application
import Demo
import Billing
import BillingX12
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Demo plan")
struct DemoPlanTests {
    @Test("the same seed plans the same business data, another seed different data")
    func deterministicPlan() {
        let a = DemoPlan.make(DemoOptions(seed: 7))
        let b = DemoPlan.make(DemoOptions(seed: 7))
        let c = DemoPlan.make(DemoOptions(seed: 8))
        let records = { (plan: DemoPlan) in plan.practices.flatMap { $0.patients.flatMap { $0.sessions.map(\.record) } } }
        #expect(records(a) == records(b))
        #expect(a.practices.map(\.profile) == b.practices.map(\.profile))
        #expect(records(a) != records(c))
    }

    @Test("the demo catalog registers, for each payer, the aliases its simulated payer's 835s and 277CAs carry")
    func catalogKnowsTheSimulatedPayers() {
        for profile in DemoCatalog.payers {
            let simulated = SimulatedPayerDirectory.builtIn.payer(for: profile.x12PayerID)
            #expect(simulated.claimPayerID == profile.x12PayerID, "\(profile.payerID) is in the simulator's directory")
            #expect(Set(profile.aliases) == Set(simulated.aliases), "\(profile.payerID)")
            let carried = [simulated.remittancePayerID, simulated.originatorID, simulated.acknowledgmentPayerID].compactMap { $0 }
            #expect(carried.allSatisfy { profile.identifiers.contains($0) })
        }
    }

    @Test("a small plan has about 1,500 sessions of every code family, valid NPIs and sessions the domain accepts")
    func smallPlanIsRealistic() throws {
        let plan = DemoPlan.make(DemoOptions(seed: 3, scale: .small))
        #expect((1_400...1_700).contains(plan.sessionCount))
        #expect(plan.practices.map(\.archetype) == [.solo, .group, .telehealth])
        for practice in plan.practices {
            #expect(NPI.isValid(practice.profile.npi))
            for (provider, _) in practice.providers { #expect(NPI.isValid(provider.npi)) }
        }
        let records = plan.practices.flatMap { $0.patients.flatMap { $0.sessions.map(\.record) } }
        let codes = Set(records.flatMap { $0.lines.map(\.code) })
        for code in ["90791", "90834", "90837", "90847", "90853", "99214", "90833", "90785", "90839", "96130", "96131"] {
            #expect(codes.contains(code), "no \(code) in the plan")
        }
        for record in records {
            try Billing.Session.validate(record)
            if record.telehealth != nil {
                #expect(["02", "10"].contains(record.placeOfService))
                #expect(record.lines.allSatisfy { $0.modifiers.contains("95") })
            }
        }
        let patients = plan.practices.flatMap(\.patients)
        #expect(patients.contains { $0.selfPay && !$0.outOfNetwork })
        #expect(patients.contains { $0.outOfNetwork })
        #expect(patients.contains { $0.coverages.count == 2 })
        #expect(patients.contains { !$0.authorizations.isEmpty })
    }

    @Test("--tenants adds practices of the same mix with distinct slugs and NPIs")
    func moreTenants() {
        let plan = DemoPlan.make(DemoOptions(seed: 1, scale: .small, tenants: 7))
        #expect(
            plan.practices.map(\.profile.slug) == [
                "demo-solo", "demo-group", "demo-telehealth", "demo-solo-2", "demo-group-2", "demo-telehealth-2", "demo-solo-3",
            ])
        let npis = plan.practices.flatMap { $0.providers.map(\.provider.npi) }
        #expect(Set(npis).count == npis.count)
    }
}

@Suite("Demo seeder", .serialized)
struct DemoSeederTests {
    static func eventCount(_ connection: Connection) async throws -> Int64 {
        try await connection.run { session in
            try session.query(SQL("demo_count", "SELECT count(*) AS n FROM rcm.events")).first!.decode("n", as: Int64.self)
        }
    }

    @Test("a small seed writes every session and claim, scrubs them clean, passes rcm audit verify, and the same seed writes the same again")
    func seedIsDeterministicAndVerifies() async throws {
        let options = DemoOptions(seed: 11, scale: .small, staffLogin: nil)
        let first = try await TestDatabase.create("demo_a")
        let second = try await TestDatabase.create("demo_b")
        let plan = DemoPlan.make(options)
        let a = try await DemoSeeder().seed(plan: plan, admin: try await RevenueCycle.connect(settings: first.settings).backend)
        #expect(a.sessions == plan.sessionCount)
        #expect(a.patients == plan.patientCount)
        #expect(a.claims > 1_000)
        #expect(a.scrubPassed == a.claims)
        #expect(a.claimCharges > .zero)
        for family in [
            "diagnosticEvaluation", "psychotherapy", "psychotherapyAddOn", "family", "group", "interactiveComplexity", "crisis", "testing",
            "testingAddOn", "evaluationAndManagement",
        ] {
            #expect((a.codeFamilies[family] ?? 0) > 0, "no \(family)")
        }
        let b = try await DemoSeeder().seed(plan: DemoPlan.make(options), admin: try await RevenueCycle.connect(settings: second.settings).backend)
        #expect(a == b)
        await second.drop()

        let verify = try Shell.run(
            [Repository.rcmBinary.path, "audit", "verify"], environment: ["RCM_DATABASE_URL": first.settings.conninfo], check: false)
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.contains("demo-group: ok"))

        // Seeding the same slugs again is refused and writes nothing.
        let connection = try await first.connect()
        let before = try await Self.eventCount(connection)
        let again = try await RevenueCycle.connect(settings: first.settings).backend
        await #expect(throws: (any Error).self) { _ = try await DemoSeeder().seed(options, admin: again) }
        #expect(try await Self.eventCount(connection) == before)
        await first.drop()
    }

    @Test("with the front desk checking eligibility: a 270 before each new patient's first session and monthly, carve-outs routed and billed to the carve-out payer, every claim still clean")
    func checksEligibility() async throws {
        let options = DemoOptions(seed: 11, scale: .small, staffLogin: nil, checksEligibility: true)
        let database = try await TestDatabase.create("demo_elig")
        let plan = DemoPlan.make(options)
        let core = try await RevenueCycle.connect(settings: database.settings)
        let summary = try await DemoSeeder().seed(plan: plan, admin: core.backend)
        let patients = plan.practices.flatMap(\.patients)
        let insured = patients.filter { !$0.coverages.isEmpty && !$0.sessions.isEmpty }
        let carvedOut = patients.filter(\.carvedOut)
        #expect(!carvedOut.isEmpty && carvedOut.count < insured.count / 5, "\(carvedOut.count) of \(insured.count)")
        #expect(summary.eligibilityInquiries > insured.count, "each new patient, then the months: \(summary.eligibilityInquiries)")
        #expect(summary.eligibilityFiles > 0 && summary.eligibilityFiles < summary.eligibilityInquiries)
        #expect(summary.carveOutsRouted == carvedOut.filter { !$0.sessions.isEmpty }.count)
        // A route first confirmed for 2025's plan year is renewed by the first 2026 batch the patient is in.
        let spanning = carvedOut.filter { patient in
            patient.sessions.first.map { $0.record.dateOfService.year == 2025 } == true && patient.sessions.contains { $0.record.dateOfService.year == 2026 }
        }
        #expect(summary.carveOutsRenewed == spanning.count)
        #expect(summary.scrubPassed == summary.claims, "routed claims pass MH010 and MH060")
        let x12IDs = Dictionary(uniqueKeysWithValues: DemoCatalog.payers.map { ($0.payerID, $0.x12PayerID) })
        let roster = plan.roster
        for patient in carvedOut {
            #expect(roster.scenario(payerID: x12IDs[patient.coverages[0].payerID.rawValue]!, memberID: patient.identity.memberID) == .carveOut)
        }

        // Every claim of a carved-out patient bills the carve-out payer; no other patient's claim does unless planned so.
        var claims: [Claim.State] = []
        for practice in plan.practices { claims += try await core.listClaims(tenant: practice.profile.slug, status: nil) }
        let routedKeys = Set(carvedOut.map(\.key))
        let routed = claims.filter { $0.patientKey.map(routedKeys.contains) ?? false }
        #expect(!routed.isEmpty && routed.allSatisfy { $0.payerID == PayerID("demo-keystone-bh") }, "\(Set(routed.map(\.payerID)))")
        #expect(summary.carveOutClaims == routed.count)
        #expect(claims.count == summary.claims)
        await database.drop()
    }

    @Test("the daily work can run as the demo's staff login, which the seeder creates idempotently and assigns")
    func runsAsStaff() async throws {
        let database = try await TestDatabase.create("demo_staff")
        let options = DemoOptions(seed: 5, scale: .small, tenants: 1, staffLogin: "rcm_demo_staff")
        let plan = DemoPlan.make(options)
        let admin = try await database.connect()
        let core = try await RevenueCycle.connect(settings: database.settings)
        let tenants = try await DemoSeeder().setUp(plan: plan, admin: core.backend)
        let staff = try await core.asLogin("rcm_demo_staff")
        let summary = try await DemoSeeder().work(plan: plan, tenants: tenants, worker: staff.backend)
        #expect(summary.sessions == plan.sessionCount)
        let actors = try await admin.run { session in
            try session.query(SQL("demo_actors", "SELECT DISTINCT db_user FROM rcm.events WHERE event_type = 'session.logged'")).rows.map {
                try $0.decode("db_user", as: String.self)
            }
        }
        #expect(actors == ["rcm_demo_staff"])
        await database.drop()
    }
}
