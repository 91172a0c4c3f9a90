import Application
import Demo
import Billing
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// A solo practice from the demo set-up, with two patients of our own: a self-pay client whose name needs
/// escaping, with one 90837 session charged to the account, and an insured client.
struct DocumentsFixture: Sendable {
    let database: TestDatabase
    let connection: Connection
    let backend: any Backend
    let tenant: Tenant
    let selfPay: PatientKey
    let insured: PatientKey
    let provider: Provider
    static let today = LocalDate("2026-01-15")!
    static let dateOfService = LocalDate("2026-01-05")!

    static func make(_ name: String) async throws -> DocumentsFixture {
        let database = try await TestDatabase.create(name)
        let connection = try await database.connect()
        let backend = try await RevenueCycle.connect(settings: database.settings).backend
        let plan = DemoPlan.make(DemoOptions(seed: 2, scale: .small, tenants: 1, staffLogin: nil))
        let tenant = try await DemoSeeder().setUp(plan: plan, admin: backend)[0]
        let provider = tenant.state.providers.values.sorted { $0.id < $1.id }[0]
        let selfPay = PatientKey("pk-docs-selfpay"), insured = PatientKey("pk-docs-insured")
        try await backend.transaction { tx in
            let context = CommandContext(tenant: tenant.tenant, actor: tx.login, today: today)
            let identity = PatientIdentity(
                firstName: "Ada", lastName: "O'Demo", dateOfBirth: LocalDate("1990-04-02")!,
                address: "12 Sample & <script>alert(1)</script> Ave, Demoville, IL 62701", phone: "217-555-0101", memberID: "")
            _ = try PatientService().add(identity, selfPay: true, key: selfPay, context: context, in: tx)
            _ = try PatientService().add(
                PatientIdentity(
                    firstName: "Basil", lastName: "Demoford", dateOfBirth: LocalDate("1980-01-01")!, address: "1 Fixture Ct, Demoville, IL 62701",
                    phone: "217-555-0102", memberID: "DEMO1"), selfPay: false, key: insured, context: context, in: tx)
            let record = SessionRecord(
                sessionID: "s-docs-1", patientKey: selfPay, dateOfService: dateOfService, rendering: provider.id, minutes: 55,
                diagnoses: [ICD10Code("F41.1")!], lines: [ServiceLine(code: "90837", charge: Money(cents: 175_00))])
            try SessionService().log(record, context: context, practice: tenant.state, in: tx)
            try AggregateRepository().execute(
                PatientAccount.self, stream: PatientAccount.streamID(selfPay),
                command: .postCharge(.session(record.sessionID), amount: record.charge, on: dateOfService, period: AccountingPeriod(containing: dateOfService)),
                effectiveDate: dateOfService, context: context, in: tx)
        }
        return DocumentsFixture(database: database, connection: connection, backend: backend, tenant: tenant.tenant, selfPay: selfPay, insured: insured, provider: provider)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction, CommandContext) throws -> T) async throws -> T {
        let tenant = self.tenant
        return try await backend.transaction { tx in
            try body(tx, CommandContext(tenant: tenant, actor: tx.login, today: Self.today))
        }
    }

    func count(_ eventType: String) async throws -> Int64 {
        let tenant = self.tenant
        return try await connection.run { session in
            try session.query(
                SQL("docs_count", "SELECT count(*) AS n FROM rcm.events WHERE tenant_id = $1 AND event_type = $2"), [tenant.id.sqlParameter, eventType.sqlParameter]
            ).first!.decode("n", as: Int64.self)
        }
    }

    func total() async throws -> Int64 {
        try await connection.run { session in
            try session.query(SQL("docs_total", "SELECT count(*) AS n FROM rcm.events")).first!.decode("n", as: Int64.self)
        }
    }
}

@Suite("Patient documents", .serialized)
struct DocumentsTests {
    @Test("a statement shows the amount due per date of service, escapes the identity, records the access and the account event")
    func statement() async throws {
        let fixture = try await DocumentsFixture.make("docs_statement")
        let key = fixture.selfPay
        let due = try await fixture.run { tx, context in try DocumentService().patientsWithBalance(context: context, in: tx) }
        #expect(due == [key])
        let accessBefore = try await fixture.count("access.phi_viewed")
        let document = try await fixture.run { tx, context in try DocumentService().statement(for: key, context: context, in: tx) }
        #expect(document.amount == Money(cents: 175_00))
        let html = DocumentRenderer.html([document.page], title: "Statements")
        #expect(html.contains("175.00"))
        #expect(html.contains("2026-01-05"))
        #expect(html.contains("2026-02-14"))  // due in 30 days
        #expect(html.contains("O&#39;Demo") && html.contains("Sample &amp; "))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("@page"))
        #expect(html.contains("page-break-after: always"))
        let text = DocumentRenderer.text([document.page, document.page])
        #expect(text.contains("Balance due"))
        #expect(text.contains("\u{0C}"))
        #expect(try await fixture.count("access.phi_viewed") == accessBefore + 1)
        #expect(try await fixture.count("account.statement_generated") == 1)
        await fixture.database.drop()
    }

    @Test("a payment post reduces the balance; the next statement shows the payment and the new amount due")
    func payment() async throws {
        let fixture = try await DocumentsFixture.make("docs_payment")
        let key = fixture.selfPay
        let account = try await fixture.run { tx, context in
            try PatientPaymentService().post(patient: key, amount: Money(cents: 25_00), method: .card, context: context, in: tx)
        }
        #expect(account.balance == Money(cents: 150_00))
        #expect(account.patientPaid == Money(cents: 25_00))
        let document = try await fixture.run { tx, context in try DocumentService().statement(for: key, context: context, in: tx) }
        #expect(document.amount == Money(cents: 150_00))
        let html = DocumentRenderer.html([document.page], title: "Statement")
        #expect(html.contains("Payment, card"))
        #expect(html.contains("-25.00"))
        await fixture.database.drop()
    }

    @Test("bad payments are rejected and write nothing: unknown patient, zero or negative amount, more than a claim's patient balance")
    func badPayments() async throws {
        let fixture = try await DocumentsFixture.make("docs_bad")
        let before = try await fixture.total()
        await #expect(throws: CommandRejected.self) {
            try await fixture.run { tx, context in
                try PatientPaymentService().post(patient: "pk-nobody", amount: Money(cents: 25_00), method: .cash, context: context, in: tx)
            }
        }
        for cents: Int64 in [0, -500] {
            await #expect(throws: CommandRejected.self) {
                try await fixture.run { tx, context in
                    try PatientPaymentService().post(patient: fixture.selfPay, amount: Money(cents: cents), method: .cash, context: context, in: tx)
                }
            }
        }
        await #expect(throws: CommandRejected.self) {
            try await fixture.run { tx, context in
                try PatientPaymentService().post(patient: fixture.selfPay, amount: Money(cents: 25_00), method: .cash, claim: "CNOSUCHCLAIM", context: context, in: tx)
            }
        }
        await #expect(throws: CommandRejected.self) {
            try await fixture.run { tx, context in try DocumentService().statement(for: fixture.insured, context: context, in: tx) }
        }
        #expect(try await fixture.total() == before)
        await fixture.database.drop()
    }

    @Test("a Good Faith Estimate totals the expected services, states the $400 dispute right, and is refused for an insured client")
    func estimate() async throws {
        let fixture = try await DocumentsFixture.make("docs_estimate")
        let key = fixture.selfPay
        let items = [EstimateItem(code: "90791", quantity: 1, unitCharge: Money(cents: 200_00)), EstimateItem(code: "90837", quantity: 12, unitCharge: Money(cents: 175_00))]
        let document = try await fixture.run { tx, context in
            try DocumentService().estimate(for: key, items: items, validThrough: LocalDate("2026-12-31")!, context: context, in: tx)
        }
        #expect(document.amount == Money(cents: 2_300_00))
        let html = DocumentRenderer.html([document.page], title: "GFE")
        #expect(html.contains("2300.00"))
        #expect(html.contains("2100.00"))
        #expect(html.contains("$400"))
        #expect(try await fixture.count("account.estimate_created") == 1)
        let before = try await fixture.total()

        // Charges $400 or more above a (small) estimate are flagged, and the statement says so.
        try await fixture.run { tx, context in
            _ = try DocumentService().estimate(
                for: key, items: [EstimateItem(code: "90837", quantity: 1, unitCharge: Money(cents: 175_00))], validThrough: LocalDate("2026-12-31")!,
                context: context, in: tx)
            let date = LocalDate("2026-01-20")!
            let record = SessionRecord(
                sessionID: "s-docs-2", patientKey: key, dateOfService: date, rendering: fixture.provider.id, minutes: 180,
                diagnoses: [ICD10Code("F41.1")!], lines: [ServiceLine(code: "90837", charge: Money(cents: 600_00))])
            try SessionService().log(record, context: context, practice: try PracticeService().state(context, in: tx), in: tx)
            try AggregateRepository().execute(
                PatientAccount.self, stream: PatientAccount.streamID(key),
                command: .postCharge(.session("s-docs-2"), amount: Money(cents: 600_00), on: date, period: AccountingPeriod(containing: date)),
                effectiveDate: date, context: context, in: tx)
        }
        let statement = try await fixture.run { tx, context in try DocumentService().statement(for: key, context: context, in: tx) }
        #expect(statement.page.notes.contains { $0.contains("$400 or more above your Good Faith Estimate") })
        let beforeRefusal = try await fixture.total()
        await #expect(throws: CommandRejected.self) {
            try await fixture.run { tx, context in
                try DocumentService().estimate(for: fixture.insured, items: items, validThrough: LocalDate("2026-12-31")!, context: context, in: tx)
            }
        }
        #expect(try await fixture.total() == beforeRefusal)
        #expect(beforeRefusal > before)
        await fixture.database.drop()
    }

    @Test("a superbill lists codes, diagnoses, the provider's NPI and the amount paid, and is recorded on the account")
    func superbill() async throws {
        let fixture = try await DocumentsFixture.make("docs_superbill")
        let key = fixture.selfPay
        _ = try await fixture.run { tx, context in
            try PatientPaymentService().post(patient: key, amount: Money(cents: 175_00), method: .hsa, context: context, in: tx)
        }
        let documents = try await fixture.run { tx, context in
            try DocumentService().superbills(for: key, from: LocalDate("2026-01-01")!, through: LocalDate("2026-01-31")!, context: context, in: tx)
        }
        #expect(documents.count == 1)
        #expect(documents[0].amount == Money(cents: 175_00))
        let html = DocumentRenderer.html(documents.map(\.page), title: "Superbill")
        #expect(html.contains(fixture.provider.npi))
        #expect(html.contains("90837"))
        #expect(html.contains("F41.1"))
        #expect(html.contains("Willowbrook Demo Counseling"))
        #expect(try await fixture.count("account.superbill_issued") == 1)
        let before = try await fixture.total()
        await #expect(throws: CommandRejected.self) {
            try await fixture.run { tx, context in
                try DocumentService().superbills(for: key, from: LocalDate("2025-01-01")!, through: LocalDate("2025-01-31")!, context: context, in: tx)
            }
        }
        #expect(try await fixture.total() == before)
        await fixture.database.drop()
    }
}
