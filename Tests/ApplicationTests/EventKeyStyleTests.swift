import Application
import Billing
import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Logs written before decision 0102's key style: rows stay as they were stored (version 1, snake_case), the
/// application reads them through the codec's upcasters, the SQL that reads payload keys reads both styles,
/// and the hash chain still verifies.
@Suite("Events already written in the old key style", .serialized)
struct EventKeyStyleTests {
    static let today = LocalDate("2026-03-02")!

    /// A version 1 event with exactly the bytes the application used to write.
    static func old(_ stream: String, _ eventType: String, _ payload: String) -> NewEvent {
        NewEvent(
            eventID: UUID(), streamID: stream, eventType: eventType, schemaVersion: 1, payload: JSONText(payload),
            metadata: EventMetadata(actor: "before-0102", source: "cli", correlationID: UUID()), effectiveDate: "2026-03-01")
    }

    static let rowsSQL = SQL(
        "keystyle_rows", "SELECT event_type, schema_version, payload::text AS payload FROM rcm.events WHERE tenant_id = $1 ORDER BY position")
    static let assignmentsSQL = SQL("keystyle_assignments", "SELECT tenant_id, login FROM rcm.staff_assignments ORDER BY login")
    static let forgetAssignmentsSQL = SQL("keystyle_forget", "DELETE FROM rcm.staff_assignments")
    static let rebuildSQL = SQL("keystyle_rebuild", "SELECT rcm.rebuild_derived_state() AS tenants")
    static let auditSQL = SQL(
        "keystyle_audit", "SELECT patient_key FROM rcm.audit_trail WHERE tenant_id = $1 AND event_type = 'access.phi_viewed' ORDER BY position")

    @Test("company events of both styles fold into one state, rebuild the staff assignments, and the chain verifies")
    func companyLog() async throws {
        let database = try await TestDatabase.create("keystyle_company")
        let connection = try await database.connect()
        let (company, early, late) = try await connection.withTransaction { session in
            let company = try CompanyService().ensureCompany(in: PostgresStore.transaction(on: session))
            let early = try TenantDirectory.create(id: TenantID(UUID()), slug: "ks-early", kind: .practice, timeZone: "America/Chicago", in: session)
            let late = try TenantDirectory.create(id: TenantID(UUID()), slug: "ks-late", kind: .practice, timeZone: "America/Chicago", in: session)
            _ = try EventLog.append(
                AppendRequest(
                    tenant: company.id,
                    events: [
                        Self.old("company", "company.staff_added", #"{"group":"staff","login":"ks_early"}"#),
                        Self.old("company", "company.staff_assigned", #"{"login":"ks_early","tenant_id":"\#(early.id)"}"#),
                        Self.old("company", "company.practice_offboarded", #"{"reason":"BAA ended 2026\/02\/28","tenant_id":"\#(early.id)"}"#),
                    ]), in: session)
            try session.query(SQL("keystyle_assign_early", "SELECT rcm.assign_staff($1, 'ks_early')"), [early.id])
            try CompanyService().assign(login: "ks_late", to: late, actor: "test", today: Self.today, in: PostgresStore.transaction(on: session))
            return (company, early, late)
        }
        let rows = try await connection.run { session in try session.query(Self.rowsSQL, [company.id]).rows }
        let stored = try rows.map { "\(try $0.decode("event_type", as: String.self)) v\(try $0.decode("schema_version", as: Int.self))" }
        #expect(
            stored == [
                "company.staff_added v1", "company.staff_assigned v1", "company.practice_offboarded v1", "company.staff_assigned v2",
            ])
        #expect(try rows.last!.decode("payload", as: String.self) == #"{"login": "ks_late", "tenantID": "\#(late.id)"}"#)

        let state = try await connection.run { session in try CompanyService().state(in: PostgresStore.transaction(on: session)) }
        #expect(state.staff == ["ks_early": "staff"])
        #expect(state.assignments == ["ks_early": [early.id.description], "ks_late": [late.id.description]])
        #expect(state.version == 4)

        let restored = try await connection.withTransaction { session -> [String] in
            try session.query(Self.forgetAssignmentsSQL)
            _ = try session.query(Self.rebuildSQL)
            return try session.query(Self.assignmentsSQL).rows.map {
                "\(try $0.decode("login", as: String.self)) \(try $0.decode("tenant_id", as: TenantID.self))"
            }
        }
        #expect(restored == ["ks_early \(early.id)", "ks_late \(late.id)"])

        let report = try await connection.run { session in try ChainVerifier.verify(tenant: company.id, in: session) }
        #expect(report.isIntact, "\(report.message)")
        await database.drop()
    }

    @Test("access, remittance and offboarding events of version 1 read back through the codec; new ones are version 2")
    func practiceLog() async throws {
        let database = try await TestDatabase.create("keystyle_practice")
        let connection = try await database.connect()
        let tenant = try await connection.withTransaction { session in
            let tenant = try TenantDirectory.create(id: TenantID(UUID()), slug: "ks-practice", kind: .practice, timeZone: "America/Chicago", in: session)
            _ = try EventLog.append(
                AppendRequest(
                    tenant: tenant.id,
                    events: [
                        Self.old("access", "access.phi_viewed", #"{"patient_key":"pk-1","purpose":"eligibility call","record":"claim:c-1","sensitive":true}"#),
                        Self.old(
                            "remit-60054-EFT-0042", "remittance.received",
                            #"{"amount":"-1234.50","balanced":true,"claims":2,"file_sha256":"ab","payer_id":"60054","payment_date":"20260315","trace_number":"EFT-0042","transaction_control_number":"0001"}"#),
                        Self.old(
                            "remit-60054-EFT-0042", "remittance.provider_adjustment",
                            #"{"amount":"-5.25","claim_number":"","fiscal_period_date":"2026-12-31","kind":"interest","provider_id":"1234567893","reason":"L6","reference":""}"#),
                        Self.old("lifecycle", "tenant.phi_destroyed", #"{"files_destroyed":7,"identities_destroyed":3,"reason":"BAA ended"}"#),
                    ]), in: session)
            let context = CommandContext(tenant: tenant, actor: "test", today: Self.today)
            try AccessLog().record(record: "claim:c-1", patientKey: "pk-1", purpose: "eligibility call", sensitive: true, context: context, in: PostgresStore.transaction(on: session))
            return tenant
        }
        let recorded = try await connection.run { session in try EventLog.readLog(tenant: tenant.id, after: 0, in: session) }
        #expect(recorded.map(\.schemaVersion) == [1, 1, 1, 1, 2])
        let codec = EventCodec()
        let events = try recorded.map { try codec.decode(eventType: $0.eventType, schemaVersion: $0.schemaVersion, payload: $0.payload) }
        let viewed = BillingEvent.access(.phiViewed(.init(record: "claim:c-1", purpose: "eligibility call", sensitive: true, patientKey: "pk-1")))
        #expect(
            events == [
                viewed,
                .remittance(
                    .received(
                        .init(
                            payerID: "60054", traceNumber: "EFT-0042", amount: Money(cents: -123_450), paymentDate: LocalDate("2026-03-15"),
                            transactionControlNumber: "0001", fileSHA256: "ab", balanced: true, claims: 2))),
                .remittance(
                    .providerAdjustment(
                        .init(
                            providerID: "1234567893", fiscalPeriodDate: LocalDate("2026-12-31")!, reason: "L6", reference: nil,
                            amount: Money(cents: -525), kind: .interest, claimNumber: nil))),
                .tenant(.phiDestroyed(.init(identitiesDestroyed: 3, filesDestroyed: 7, reason: "BAA ended"))),
                viewed,
            ])
        let keys = try await connection.run { session in
            try session.query(Self.auditSQL, [tenant.id]).rows.map { try $0.decodeIfPresent("patient_key", as: String.self) }
        }
        #expect(keys == ["pk-1", "pk-1"])
        let report = try await connection.run { session in try ChainVerifier.verify(tenant: tenant.id, in: session) }
        #expect(report.isIntact, "\(report.message)")
        await database.drop()
    }
}
