import Billing
import EventStore
import Foundation
import Postgres
import Projections
import TestSupport

/// A date from `"YYYY-MM-DD"`.
func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// An amount from `"125.50"`.
func usd(_ text: String) -> Money { Money(parsing: text)! }

/// Shared test data: a practice with two payers, a patient with coverage, sessions.
enum Fx {
    static let therapist: ProviderID = "p-lcsw"
    static let acme: PayerID = "ACME"
    static let medicaid: PayerID = "MCD"
    static let patient: PatientKey = "pk-1"

    static let practice: Practice.State = {
        let rule = PayerRule(effectiveFrom: day("2025-01-01"), timelyFilingDays: 365, timelyFilingMarginDays: 10)
        let commands: [Practice.Command] = [
            .configure(practiceID: "prac-1", timeZone: "America/Chicago", on: day("2025-01-01")),
            .addProvider(
                Provider(id: therapist, npi: "1234567893", taxonomy: "1041C0700X", licence: .licensedTherapist),
                on: day("2025-01-01")),
            .enrollPayer(payerID: acme, name: "Acme Health", providers: [therapist], on: day("2025-01-01")),
            .enrollPayer(payerID: medicaid, name: "State Medicaid MCO", providers: [therapist], on: day("2025-01-01")),
            .setPayerRule(payerID: acme, rule: rule, on: day("2025-01-01")),
            .setPayerRule(payerID: medicaid, rule: rule, on: day("2025-01-01")),
        ]
        var state = Practice.initial
        for command in commands { state = Practice.replay(try! Practice.decide(command, state), from: state) }
        return state
    }()

    static let patientState: Patient.State = Patient.replay([
        .registered(.init(patientKey: patient, identityDigest: "sha256:abc", effectiveDate: day("2025-01-01"))),
        .coverageRecorded(
            .init(
                patientKey: patient,
                coverage: Coverage(
                    id: "cov-1", payerID: acme, order: .primary, copay: usd("20.00"), coinsurancePercent: 20,
                    deductible: usd("500.00"), effective: EffectivePeriod(from: day("2025-01-01"))),
                effectiveDate: day("2025-01-01"))),
        .coverageRecorded(
            .init(
                patientKey: patient,
                coverage: Coverage(
                    id: "cov-2", payerID: medicaid, order: .secondary, effective: EffectivePeriod(from: day("2025-01-01"))),
                effectiveDate: day("2025-01-01"))),
    ])

    static func session(
        _ id: String, on date: String, code: String = "90837", minutes: Int = 60, charge: String = "200.00"
    ) -> SessionRecord {
        SessionRecord(
            sessionID: SessionID(id), patientKey: patient, dateOfService: day(date), rendering: therapist,
            supervising: nil, placeOfService: "11", telehealth: nil, minutes: minutes, diagnoses: [ICD10Code("F32.9")!],
            lines: [ServiceLine(code: code, modifiers: [], charge: usd(charge))])
    }

    static func context(today: LocalDate) -> ScrubContext {
        ScrubContext(practice: practice, patient: patientState, today: today)
    }
}

/// Appends claim events to a tenant's log the way the application will: one append per command, with
/// metadata and the business date each event carries.
struct LogWriter {
    let tenant: TenantID
    let codec = EventCodec()

    func append(_ events: [Claim.Event], claim: ClaimID, in session: DatabaseSession) throws {
        guard !events.isEmpty else { return }
        let correlation = UUID()
        let new = try events.map { event -> NewEvent in
            let encoded = try codec.encode(event)
            let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
            return NewEvent(
                eventID: UUID(), streamID: "claim-\(claim)", eventType: encoded.eventType,
                schemaVersion: encoded.schemaVersion, payload: JSONText(data: encoded.payload),
                metadata: EventMetadata(actor: "tester", source: "cli", correlationID: correlation),
                effectiveDate: object["effectiveDate"] as! String)
        }
        _ = try EventLog.append(AppendRequest(tenant: tenant, events: new), in: session)
    }

    /// Appends events of any family to one stream in one append, each dated by its payload's `effectiveDate`
    /// or, for the payloads that have none (remittance events), by `date`.
    func append(_ events: [BillingEvent], stream: String, on date: String? = nil, in session: DatabaseSession) throws {
        guard !events.isEmpty else { return }
        let correlation = UUID()
        let new = try events.map { event -> NewEvent in
            let encoded = try codec.encode(event)
            let object = try JSONSerialization.jsonObject(with: encoded.payload) as! [String: Any]
            return NewEvent(
                eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                payload: JSONText(data: encoded.payload), metadata: EventMetadata(actor: "tester", source: "cli", correlationID: correlation),
                effectiveDate: date ?? object["effectiveDate"] as! String)
        }
        _ = try EventLog.append(AppendRequest(tenant: tenant, events: new), in: session)
    }

    /// Creates a practice tenant (as the owner login).
    static func createTenant(_ slug: String, in session: DatabaseSession) throws -> TenantID {
        let id = TenantID(UUID())
        _ = try TenantDirectory.create(id: id, slug: slug, kind: .practice, timeZone: "America/Chicago", in: session)
        return id
    }
}

/// Compares two tables of the same shape row for row; returns the number of rows that differ.
func differingRows(_ a: String, _ b: String, in session: DatabaseSession) throws -> Int64 {
    try session.query(
        SQL(
            "test_diff_\(a)_\(b)",
            "SELECT count(*) AS n FROM ((TABLE \(a) EXCEPT ALL TABLE \(b)) UNION ALL (TABLE \(b) EXCEPT ALL TABLE \(a))) x",
            prepared: false)
    ).first!.decode("n")
}

/// Compares every live projection table with its rebuilt twin; returns the rows that differ, all tables together.
func differingRebuiltRows(in session: DatabaseSession) throws -> Int64 {
    try ProjectionTables.baseNames.reduce(0) { sum, name in
        sum + (try differingRows("rcm_analytics_store.\(name)", "rcm_analytics_store.\(name)_rebuild", in: session))
    }
}

/// Counts a table's rows.
func rowCount(_ table: String, in session: DatabaseSession) throws -> Int64 {
    try session.query(SQL("test_count_\(table)", "SELECT count(*) AS n FROM \(table)", prepared: false)).first!.decode("n")
}
