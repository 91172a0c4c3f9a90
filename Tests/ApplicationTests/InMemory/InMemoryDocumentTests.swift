import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing

@Suite("Patient payments, statements, estimates and superbills, in memory")
struct InMemoryDocumentTests {
    static let slug = InMemoryWorld.slug

    /// Three insured patients whose claims were paid, each owing the share the 835 gave them.
    static func owing() async throws -> (InMemoryWorld, InMemoryPayerLoop, RemittanceFigures) {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(
            world, count: 3, seed: 5, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        try await loop.remit()
        return (world, loop, RemittanceFigures(loop.files("835").map(\.bytes)))
    }

    @Test("a patient payment is recorded on the account and, when a claim is named, applied to that claim")
    func payment() async throws {
        let (world, loop, figures) = try await Self.owing()
        let key = loop.patients[0], id = loop.claims[0]
        let share = try #require(figures.patientShare[id.rawValue])
        #expect(try await loop.claim(id).patientBalance == share)
        let (account, events) = try await world.appended {
            try await world.core.postPatientPayment(
                Money(cents: 10_00), method: .card, patient: key, claim: id, paymentID: "pay-front-desk-1", tenant: Self.slug)
        }
        #expect(
            events.map { "\($0.streamID) \($0.eventType)" } == [
                "claim-\(id) claim.patient_payment_applied", "\(PatientAccount.streamID(key)) account.payment_received",
            ])
        #expect(account.balance == share - Money(cents: 10_00) && account.patientPaid == Money(cents: 10_00))
        #expect(try await loop.claim(id).patientBalance == share - Money(cents: 10_00))
        let (later, cash) = try await world.appended {
            try await world.core.postPatientPayment(
                Money(cents: 5_00), method: .cash, patient: key, claim: nil, paymentID: nil, tenant: Self.slug)
        }
        #expect(cash.types == ["account.payment_received"])
        #expect(later.balance == share - Money(cents: 15_00))
    }

    @Test(
        "a patient payment is refused at zero or less, for no patient, on another patient's or no claim, above the claim's share, or twice")
    func paymentRefusals() async throws {
        let (world, loop, figures) = try await Self.owing()
        let key = loop.patients[0], id = loop.claims[0]
        @discardableResult func pay(_ cents: Int64, claim: ClaimID? = nil, patient: PatientKey? = nil, paymentID: PaymentID? = nil)
            async throws -> String
        {
            try await world.refused {
                try await world.core.postPatientPayment(
                    Money(cents: cents), method: .check, patient: patient ?? key, claim: claim, paymentID: paymentID, tenant: Self.slug)
            }
        }
        #expect(try await pay(0).contains("more than zero"))
        #expect(try await pay(-25_00).contains("more than zero"))
        #expect(try await pay(25_00, patient: "pk-nobody").contains("no patient pk-nobody"))
        #expect(try await pay(5_00, claim: loop.claims[1]).contains("is not a claim of \(key)"))
        #expect(try await pay(5_00, claim: "CNOSUCHCLAIM").contains("no claim CNOSUCHCLAIM"))
        let share = try #require(figures.patientShare[id.rawValue])
        #expect(try await pay(share.cents + 1, claim: id).contains("more than the balance"))
        _ = try await world.core.postPatientPayment(
            Money(cents: 1_00), method: .ach, patient: key, claim: nil, paymentID: "pay-ach-1", tenant: Self.slug)
        // Applied to the claim first, then refused on the account: the claim keeps nothing either.
        #expect(try await pay(1_00, claim: id, paymentID: "pay-ach-1").contains("already recorded"))
        #expect(try await loop.claim(id).patientBalance == share)
    }

    @Test("statements go to every patient who owes, for what the 835s made theirs less what they paid")
    func statements() async throws {
        let world = try await InMemoryWorld.make()
        let (empty, nothing) = try await world.appended { try await world.core.runStatements(tenant: Self.slug, dueInDays: 30) }
        #expect(empty.documents.isEmpty && nothing.isEmpty, "no one owes: no statement, nothing written")

        let (owed, loop, figures) = try await Self.owing()
        _ = try await owed.core.postPatientPayment(
            Money(cents: 5_00), method: .card, patient: loop.patients[1], claim: nil, paymentID: nil, tenant: Self.slug)
        let (run, events) = try await owed.appended { try await owed.core.runStatements(tenant: Self.slug, dueInDays: 21) }
        #expect(run.practice == Self.slug && run.date == owed.today)
        var expected: [PatientKey: Money] = [:]
        for (index, key) in loop.patients.enumerated() {
            let due = (figures.patientShare[loop.claims[index].rawValue] ?? .zero) - (index == 1 ? Money(cents: 5_00) : .zero)
            if due > .zero { expected[key] = due }
        }
        #expect(!expected.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: run.documents.map { ($0.page.patientKey, $0.amount) }) == expected)
        #expect(
            events.types == Array(repeating: ["access.phi_viewed", "account.statement_generated"], count: expected.count).flatMap { $0 })
        for (document, event) in zip(run.documents, events.of("account.statement_generated")) {
            #expect(document.page.kind == "Statement")
            #expect(document.page.facts.contains { $0.label == "Due date" && $0.value == owed.today.adding(days: 21).description })
            #expect(event.object["amountDue"] as? String == document.amount.description)
            #expect(event.object["documentID"] as? String == document.documentID.rawValue)
        }
        let first = try #require(run.documents.first { $0.page.patientKey == loop.patients[0] })
        #expect(first.page.to.first == "Demo0 Quaxworth")
        #expect(first.page.from.first == "Acme Counseling LLC")
    }

    @Test("a Good Faith Estimate totals the expected services for a self-pay client and is recorded on the account")
    func estimate() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        let items = [
            EstimateItem(code: "90791", quantity: 1, unitCharge: Money(cents: 200_00)),
            EstimateItem(code: "90837", quantity: 12, unitCharge: Money(cents: 175_00)),
        ]
        let total = Money(cents: 1 * 200_00 + 12 * 175_00)
        let (document, events) = try await world.appended {
            try await world.core.createEstimate(for: key, items: items, validThrough: nil, tenant: Self.slug)
        }
        #expect(document.amount == total && document.page.kind == "Good Faith Estimate")
        #expect(document.page.facts.contains { $0.label == "Valid through" && $0.value == world.today.adding(days: 364).description })
        #expect(document.page.notes.contains { $0.contains("$400") })
        #expect(
            events.map { "\($0.streamID) \($0.eventType)" } == [
                "access access.phi_viewed", "\(PatientAccount.streamID(key)) account.estimate_created",
            ])
        #expect(events[1].object["total"] as? String == "2300.00")
    }

    @Test("an estimate is refused for an insured client, a code we do not bill, no quantity, a past date, or no patient")
    func estimateRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let selfPay = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        let insured = try await world.insuredPatient("Ada", "Fauxley", memberID: "W998877662")
        let good = [EstimateItem(code: "90837", quantity: 12, unitCharge: Money(cents: 175_00))]
        @discardableResult func estimate(_ items: [EstimateItem], for key: PatientKey? = nil, through: LocalDate? = nil) async throws
            -> String
        {
            try await world.refused {
                try await world.core.createEstimate(for: key ?? selfPay, items: items, validThrough: through, tenant: Self.slug)
            }
        }
        #expect(try await estimate(good, for: insured).contains("self-pay"))
        #expect(try await estimate([EstimateItem(code: "99999", quantity: 1, unitCharge: Money(cents: 100_00))]).contains("99999"))
        #expect(try await estimate([EstimateItem(code: "90837", quantity: 0, unitCharge: Money(cents: 175_00))]).contains("quantity"))
        #expect(try await estimate(good, through: world.today.adding(days: -1)).contains("today or later"))
        #expect(try await estimate(good, for: "pk-nobody").contains("no patient pk-nobody"))
    }

    @Test("superbills list a client's sessions per rendering provider with the NPIs, charges and what the client paid")
    func superbills() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        for (id, days, provider) in [("s-sb-1", 20, "dr-lee"), ("s-sb-2", 13, "dr-lee"), ("s-sb-0", 80, "dr-lee")]
            as [(SessionID, Int, ProviderID)]
        {
            try await world.core.logSession(
                world.session(id, patient: key, daysAgo: days, provider: provider, code: "90837", minutes: 55, charge: 150_00),
                tenant: Self.slug)
        }
        try await world.core.logSession(
            world.session("s-sb-3", patient: key, daysAgo: 6, provider: "j-park", diagnoses: ["F41.1"]), tenant: Self.slug)
        _ = try await world.core.postPatientPayment(
            Money(cents: 100_00), method: .hsa, patient: key, claim: nil, paymentID: nil, tenant: Self.slug)
        let (documents, events) = try await world.appended {
            try await world.core.superbills(for: key, from: world.today.adding(days: -30), through: world.today, tenant: Self.slug)
        }
        #expect(documents.count == 2)
        #expect(
            documents.map { $0.page.facts.first { $0.label == "Provider NPI" }?.value } == [InMemoryWorld.leeNPI, InMemoryWorld.parkNPI])
        #expect(
            documents.map { $0.page.totals.first { $0.label == "Total charges" }?.value } == ["300.00", "120.00"],
            "the session 80 days ago is outside")
        #expect(documents.map(\.amount) == [Money(cents: 100_00), .zero], "the payment is shown once, on the first")
        #expect(documents[0].page.facts.contains { $0.label == "Rendering provider" && $0.value == "Dana Lee, PhD" })
        #expect(events.types == ["access.phi_viewed", "account.superbill_issued", "account.superbill_issued"])
    }

    @Test("a superbill is refused for a period without sessions, a reversed period, or no patient")
    func superbillRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        try await world.core.logSession(world.session("s-1", patient: key, daysAgo: 3), tenant: Self.slug)
        let from = world.today.adding(days: -30)
        #expect(
            try await world.refused {
                try await world.core.superbills(for: key, from: from, through: world.today.adding(days: -10), tenant: Self.slug)
            }.contains("has no sessions"))
        #expect(
            try await world.refused { try await world.core.superbills(for: key, from: world.today, through: from, tenant: Self.slug) }
                .contains("after"))
        #expect(
            try await world.refused {
                try await world.core.superbills(for: "pk-nobody", from: from, through: world.today, tenant: Self.slug)
            }
            .contains("no patient pk-nobody"))
    }

    @Test("a self-pay client's session is charged to the account, so the client gets a statement")
    func selfPayCharge() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        let (_, events) = try await world.appended {
            try await world.core.logSession(world.session("s-1", patient: key), tenant: Self.slug)
        }
        // Only the demo seeder posts self-pay charges (PatientAccount.postCharge(.session)); no command does.
        withKnownIssue("logging a self-pay client's session posts no charge to the account") {
            #expect(events.types == ["session.logged", "account.charge_posted"])
        }
    }

    @Test("a superbill finds a session by its corrected date of service")
    func superbillAfterCorrection() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.core.addPatient(
            InMemoryWorld.identity("Zebediah", "Quaxworth", memberID: ""), selfPay: true, tenant: Self.slug)
        try await world.core.logSession(world.session("s-1", patient: key, daysAgo: 40), tenant: Self.slug)
        try await world.core.correctSession(world.session("s-1", patient: key, daysAgo: 4), reason: "wrong date keyed", tenant: Self.slug)
        // The session index follows session.corrected: the session is found at its corrected date, not the logged one.
        let documents = try await world.core.superbills(for: key, from: world.today.adding(days: -7), through: world.today, tenant: Self.slug)
        #expect(documents.count == 1)
        #expect(
            try await world.refused {
                try await world.core.superbills(for: key, from: world.today.adding(days: -45), through: world.today.adding(days: -35), tenant: Self.slug)
            }.contains("has no sessions"))
    }
}
