import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport
import Testing

@Suite("The index and remittance tables")
struct IndexAndRemittanceTests {
    static let pkA: PatientKey = "pk-a"
    static let pkB: PatientKey = "pk-b"

    /// A claim of one session of `patient` (`s-c<index>` unless named), created for `payer` on its date of service.
    static func claim(
        _ index: Int, patient: PatientKey, payer: PayerID, dos: String, session sessionID: String? = nil, writer: LogWriter,
        in session: DatabaseSession
    ) throws -> ClaimWorld {
        var world = ClaimWorld(index: index, start: day(dos))
        var record = Fx.session(sessionID ?? "s-c\(index)", on: dos)
        record.patientKey = patient
        world.run(
            .create(
                claimID: world.claimID, claimNumber: world.number, payerID: payer, sessions: [record], authorizationNumber: nil,
                on: day(dos), period: AccountingPeriod(containing: day(dos))))
        try writer.append(world.produced, claim: world.claimID, in: session)
        return world
    }

    /// A session of `patient` on `dos`.
    static func record(_ id: String, _ patient: PatientKey, _ dos: String) -> SessionRecord {
        var record = Fx.session(id, on: dos)
        record.patientKey = patient
        return record
    }

    /// Sessions logged, corrected and voided, each its own append.
    static func writeSessions(_ writer: LogWriter, runner: ProjectionRunner, in session: DatabaseSession) throws {
        let logged: [(String, PatientKey, String)] = [
            ("s-1", pkA, "2026-03-02"), ("s-2", pkA, "2026-03-05"), ("s-3", pkB, "2026-03-03"),
        ]
        for (id, patient, dos) in logged {
            let event = Session.Event.logged(.init(record: record(id, patient, dos), substanceUse: false, effectiveDate: day(dos)))
            try writer.append([.session(event)], stream: "session-\(id)", in: session)
        }
        try runner.catchUp(tenant: writer.tenant, in: session)
        let corrected = Session.Event.corrected(
            .init(record: record("s-1", pkA, "2026-03-20"), reason: "wrong date keyed", substanceUse: false, effectiveDate: day("2026-03-21")))
        try writer.append([.session(corrected)], stream: "session-s-1", in: session)
        let voided = Session.Event.voided(.init(sessionID: "s-2", patientKey: pkA, reason: "duplicate", effectiveDate: day("2026-03-21")))
        try writer.append([.session(voided)], stream: "session-s-2", in: session)
        let later = Session.Event.logged(.init(record: record("s-4", pkA, "2026-03-20"), substanceUse: false, effectiveDate: day("2026-03-20")))
        try writer.append([.session(later)], stream: "session-s-4", in: session)
        for patient in [pkB, pkA] {
            let opened = PatientAccount.Event.opened(.init(patientKey: patient, selfPay: false, effectiveDate: day("2026-03-01")))
            try writer.append([.account(opened)], stream: "account-\(patient)", in: session)
        }
    }

    /// Four payments: worked items, an unbalanced one, one with nothing unapplied, and one of a payer with no claims.
    static let payments: [PaymentScript] = [
        PaymentScript(
            payer: Fx.acme, trace: "T1", date: "2026-04-01",
            posted: [(ClaimNumber("RC-1")!, usd("96.00")), (ClaimNumber("RC-2")!, usd("80.00"))],
            unapplied: [usd("40.00"), usd("25.50"), usd("12.25"), usd("7.00")], plb: [("WO", usd("30.00")), ("L6", usd("-1.25"))],
            work: [("U1", .hold("calling the payer")), ("U2", .apply(ClaimNumber("RC-3")!)), ("U3", .refund("CHK 7781")), ("U1", .release),
                   ("U4", .hold("waiting for the EOB"))]),
        PaymentScript(
            payer: Fx.medicaid, trace: "T2", date: "2026-04-02", posted: [(ClaimNumber("RC-4")!, usd("50.00"))],
            unapplied: [usd("10.00")], offBy: usd("1.00")),
        PaymentScript(payer: Fx.acme, trace: "T3", date: "2026-04-03", posted: [(ClaimNumber("RC-5")!, usd("60.00"))], plb: [("FB", usd("5.00"))]),
        PaymentScript(
            payer: "BCBS", trace: "T4", date: "2026-04-04", unapplied: [usd("33.00")], work: [("U1", .hold("not our patient"))]),
    ]

    /// `remittance.received` as version 1 wrote it (snake_case keys, BPR16 as CCYYMMDD), with nothing else.
    static func writeVersion1(_ writer: LogWriter, in session: DatabaseSession) throws {
        let payload = #"{"amount":"150.00","balanced":true,"claims":2,"file_sha256":"cd34","payer_id":"ACME","payment_date":"20260301","trace_number":"OLD1","transaction_control_number":"0009"}"#
        let event = NewEvent(
            eventID: UUID(), streamID: "remit-ACME-OLD1", eventType: "remittance.received", schemaVersion: 1, payload: JSONText(payload),
            metadata: EventMetadata(actor: "tester", source: "cli", correlationID: UUID()), effectiveDate: "2026-03-01")
        _ = try EventLog.append(AppendRequest(tenant: writer.tenant, events: [event]), in: session)
    }

    /// Everything the suite writes, with the runner catching up now and then in batches of two.
    static func scene(_ session: DatabaseSession) throws -> TenantID {
        let tenant = try LogWriter.createTenant("indexed", in: session)
        let writer = LogWriter(tenant: tenant)
        let runner = ProjectionRunner(batchSize: 2)
        _ = try claim(1, patient: pkA, payer: Fx.acme, dos: "2026-03-02", writer: writer, in: session)
        _ = try claim(2, patient: pkB, payer: Fx.medicaid, dos: "2026-03-03", writer: writer, in: session)
        try writeVersion1(writer, in: session)
        _ = try claim(3, patient: pkA, payer: Fx.medicaid, dos: "2026-03-04", writer: writer, in: session)
        try writeSessions(writer, runner: runner, in: session)
        // Claim 4 bills s-1, logged in an earlier batch: session_index says which claim it is on.
        _ = try claim(4, patient: pkA, payer: Fx.acme, dos: "2026-03-05", session: "s-1", writer: writer, in: session)
        for payment in payments { try payment.write(with: writer, runner: runner, in: session) }
        try runner.catchUp(tenant: tenant, in: session)
        return tenant
    }

    /// Rows of a query as text, one array per row.
    static func rows(_ sql: String, _ tenant: TenantID, in session: DatabaseSession) throws -> [[String]] {
        let result = try session.query(SQL("t_rows", sql, prepared: false), [tenant])
        return try result.rows.map { row in try result.columns.map { try row.decodeIfPresent($0, as: String.self) ?? "NULL" } }
    }

    @Test("the tables hold what the events say, computed apart from the ledger, and equal a rebuild row for row")
    func tablesAgainstTheEvents() async throws {
        let database = try await TestDatabase.create("proj_index")
        let connection = try await database.connect()
        let found = try await connection.run { session -> [String: [[String]]] in
            let tenant = try Self.scene(session)
            var found: [String: [[String]]] = [:]
            found["remittances"] = try Self.rows(
                "SELECT \(PaymentScript.expectedColumns) FROM rcm_analytics.remittances WHERE tenant_id = $1 ORDER BY received_position",
                tenant, in: session)
            found["plb"] = try Self.rows(
                "SELECT trace_number, seq::text, reason, reference, amount::text, kind FROM rcm_analytics.remittance_plb WHERE tenant_id = $1 ORDER BY trace_number, seq",
                tenant, in: session)
            found["unapplied"] = try Self.rows(
                "SELECT trace_number, item_id, paid::text, state, coalesce(note, '-') FROM rcm_analytics.remittance_unapplied WHERE tenant_id = $1 ORDER BY trace_number, seq",
                tenant, in: session)
            found["claims"] = try Self.rows(
                "SELECT claim_id, patient_key, payer_id, created_on::text FROM rcm_analytics.claim_index WHERE tenant_id = $1 ORDER BY position",
                tenant, in: session)
            found["sessions"] = try Self.rows(
                "SELECT session_id, patient_key, date_of_service::text, voided::text, coalesce(claim_id, '-') AS claim_id, coalesce(rendering, '-') AS rendering FROM rcm_analytics.session_index WHERE tenant_id = $1 ORDER BY session_id",
                tenant, in: session)
            found["accounts"] = try Self.rows(
                "SELECT patient_key FROM rcm_analytics.account_index WHERE tenant_id = $1 ORDER BY position", tenant, in: session)
            try ProjectionRebuild(batchSize: 1000).replay(in: session)
            found["differing"] = [
                try ProjectionTables.baseNames.map { name in
                    "\(name)=\(try differingRows("rcm_analytics_store.\(name)", "rcm_analytics_store.\(name)_rebuild", in: session))"
                }
            ]
            return found
        }
        let old = ["ACME", "OLD1", "2026-03-01", "15000", "2", "0", "0", "0", "0", "0", "0", "0", "0", "reconciled", "false"]
        #expect(found["remittances"] == [old] + Self.payments.map(\.expectedRow))
        #expect(
            found["plb"] == [
                ["T1", "1", "WO", "REF-WO", "3000", "recoupment"], ["T1", "2", "L6", "REF-L6", "-125", "interest"],
                ["T3", "1", "FB", "REF-FB", "500", "recoupment"],
            ])
        let unapplied = Self.payments.flatMap { payment in
            payment.itemStates.map { [payment.trace, $0.item, String($0.paid.cents), $0.state, $0.note ?? "-"] }
        }
        #expect(found["unapplied"] == unapplied)
        #expect(unapplied.map { $0[3] } == ["open", "applied", "refunded", "held", "open", "held"])
        #expect(
            found["claims"] == [
                ["c-1", "pk-a", "ACME", "2026-03-02"], ["c-2", "pk-b", "MCD", "2026-03-03"], ["c-3", "pk-a", "MCD", "2026-03-04"],
                ["c-4", "pk-a", "ACME", "2026-03-05"],
            ])
        #expect(
            found["sessions"] == [
                ["s-1", "pk-a", "2026-03-20", "false", "c-4", "p-lcsw"], ["s-2", "pk-a", "2026-03-05", "true", "-", "p-lcsw"],
                ["s-3", "pk-b", "2026-03-03", "false", "-", "p-lcsw"], ["s-4", "pk-a", "2026-03-20", "false", "-", "p-lcsw"],
            ])
        #expect(found["accounts"] == [["pk-b"], ["pk-a"]])
        #expect(found["differing"]?.first?.allSatisfy { $0.hasSuffix("=0") } == true, "\(found["differing"] ?? [])")
        await database.drop()
    }

    /// An error that carries what a transaction saw out of it, so the transaction rolls back.
    struct RolledBack: Error {
        let claims: [ClaimID]
    }

    @Test("the read models answer from the tables, caught up inside the caller's transaction, which a rollback undoes")
    func readModels() async throws {
        let database = try await TestDatabase.create("proj_index_read")
        let connection = try await database.connect()
        let answers = try await connection.run { session -> [String: [String]] in
            let tenant = try Self.scene(session)
            var answers: [String: [String]] = [:]
            answers["all"] = try ReadModelIndex.claimIDs(tenant: tenant, patient: nil, payer: nil, in: session).map(\.rawValue)
            answers["patient"] = try ReadModelIndex.claimIDs(tenant: tenant, patient: Self.pkA, payer: nil, in: session).map(\.rawValue)
            answers["payer"] = try ReadModelIndex.claimIDs(tenant: tenant, patient: nil, payer: Fx.medicaid, in: session).map(\.rawValue)
            answers["march"] = try ReadModelIndex.sessionIDs(
                tenant: tenant, patient: Self.pkA, from: day("2026-03-01"), through: day("2026-03-31"), in: session
            ).map(\.rawValue)
            answers["early"] = try ReadModelIndex.sessionIDs(
                tenant: tenant, patient: Self.pkA, from: day("2026-03-01"), through: day("2026-03-10"), in: session
            ).map(\.rawValue)
            answers["accounts"] = try ReadModelIndex.accounts(tenant: tenant, in: session).map(\.rawValue)
            answers["payments"] = try ReadModelIndex.remittanceStreams(tenant: tenant, in: session)
            let checkpoint = try Checkpoints(consumer: "claims").read(tenant: tenant, in: session)
            do {
                try session.withTransaction { inner in
                    _ = try Self.claim(9, patient: Self.pkB, payer: Fx.acme, dos: "2026-03-09", writer: LogWriter(tenant: tenant), in: inner)
                    throw RolledBack(claims: try ReadModelIndex.claimIDs(tenant: tenant, patient: Self.pkB, payer: nil, in: inner))
                }
            } catch let rolledBack as RolledBack {
                answers["inside"] = rolledBack.claims.map(\.rawValue)
            }
            answers["after"] = try ReadModelIndex.claimIDs(tenant: tenant, patient: Self.pkB, payer: nil, in: session).map(\.rawValue)
            answers["checkpoint"] = [String(checkpoint == (try Checkpoints(consumer: "claims").read(tenant: tenant, in: session)))]
            return answers
        }
        #expect(answers["all"] == ["c-1", "c-2", "c-3", "c-4"])
        #expect(answers["patient"] == ["c-1", "c-3", "c-4"])
        #expect(answers["payer"] == ["c-2", "c-3"])
        #expect(answers["march"] == ["s-2", "s-1", "s-4"], "by date of service as corrected, then logging order; voided s-2 still listed")
        #expect(answers["early"] == ["s-2"], "s-1 was corrected away from its logged date")
        #expect(answers["accounts"] == ["pk-b", "pk-a"])
        #expect(answers["payments"] == ["remit-ACME-OLD1", "remit-ACME-T1", "remit-MCD-T2", "remit-ACME-T3", "remit-BCBS-T4"])
        #expect(answers["inside"] == ["c-2", "c-9"], "the caller's own append is answered inside its transaction")
        #expect(answers["after"] == ["c-2"], "the rollback took the index rows with it")
        #expect(answers["checkpoint"] == ["true"])
        await database.drop()
    }

    @Test("a login that may only read the tables (an auditor) is answered from them as they stand, without advancing them")
    func auditorReadsWithoutCatchingUp() async throws {
        let database = try await TestDatabase.create("proj_index_auditor")
        let auditor = "rcm_t_auditor_\(UInt32.random(in: 0...UInt32.max))"
        let owner = try await database.connect()
        let tenant = try await owner.run { session -> TenantID in
            try session.executeScript("CREATE ROLE \(try session.quotedIdentifier(auditor)) LOGIN IN ROLE rcm_auditor", name: "t_role")
            let tenant = try Self.scene(session)
            _ = try Self.claim(9, patient: Self.pkB, payer: Fx.acme, dos: "2026-03-09", writer: LogWriter(tenant: tenant), in: session)
            return tenant
        }
        let reader = try await database.connect(as: auditor)
        let seen = try await reader.run { session in
            try session.withTransaction { inner in try ReadModelIndex.claimIDs(tenant: tenant, patient: nil, payer: nil, in: inner).map(\.rawValue) }
        }
        #expect(seen == ["c-1", "c-2", "c-3", "c-4"], "c-9 waits for a staff login or the runner")
        let caughtUp = try await owner.run { session in try ReadModelIndex.claimIDs(tenant: tenant, patient: nil, payer: nil, in: session).count }
        #expect(caughtUp == 5)
        await database.drop()
        let admin = try await Connection.connect(database.admin)
        try await admin.run { session in
            try session.executeScript("DROP ROLE IF EXISTS \(try session.quotedIdentifier(auditor))", name: "t_drop_role")
        }
    }
}
