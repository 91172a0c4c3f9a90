import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing

/// A billing company kept in memory: the submitter configured, two payers in the catalog, and the practice
/// `acme-counseling` (Chicago) with three providers, enrolled with Aetna at contracted rates. Every step goes
/// through `RevenueCycle`, as a front end would.
struct InMemoryWorld {
    static let slug = "acme-counseling"
    static let zone = "America/Chicago"
    /// The practice's billing NPI (type 2) and the providers' (type 1); every one passes the check digit.
    static let practiceNPI = "1987654328"
    static let leeNPI = "1234567893"
    static let parkNPI = "1543210987"
    static let ortizNPI = "1678901236"

    static let submitter = SubmitterProfile(
        name: "Northwind Billing", etin: "NWB0001", senderID: "NWBILLING", receiverID: "CLEARHOUSE", receiverName: "Clearinghouse Inc",
        contactPhone: "3125550100")
    /// Aetna under its X12 payer id, with the aliases the simulated payer for 60054 answers under (its 835's REF*2U
    /// and TRN03, its 277CA's payer id), as `rcm simulate payers 60054` lists them.
    static let aetna = PayerProfile(
        payerID: "aetna", name: "Aetna", x12PayerID: "60054", kind: "commercial", filingIndicator: "CI",
        aliases: SimulatedPayerDirectory.builtIn.payer(for: "60054").aliases)
    static let magellan = PayerProfile(
        payerID: "magellan-bh", name: "Magellan Behavioral Health", x12PayerID: "01260", kind: "carve-out", filingIndicator: "CI")

    let backend: InMemoryBackend
    let core: RevenueCycle
    let practice: Tenant

    /// The practice's profile as the company onboards it.
    static func profile(slug: String = slug, npi: String = practiceNPI, zip: String = "627011234", taxID: String = "364512345")
        -> PracticeProfile
    {
        PracticeProfile(
            tenantID: UUID().uuidString, slug: slug, name: "Acme Counseling LLC", timeZone: zone, npi: npi, taxID: taxID,
            taxonomy: "101YM0800X",
            street: "100 Main St", city: "Springfield", state: "IL", zip: zip)
    }

    /// A company with the submitter and the catalog, and nothing else.
    static func company() async throws -> (InMemoryBackend, RevenueCycle) {
        let backend = InMemoryBackend()
        let core = RevenueCycle(backend: backend)
        try await core.configureSubmitter(submitter)
        try await core.addPayer(aetna)
        try await core.addPayer(magellan)
        return (backend, core)
    }

    /// The company with the practice onboarded, its providers added and enrolled with Aetna.
    static func make() async throws -> InMemoryWorld {
        let (backend, core) = try await company()
        let practice = try await core.onboardPractice(profile())
        let world = InMemoryWorld(backend: backend, core: core, practice: practice)
        try await core.addProvider(
            Provider(id: "dr-lee", npi: leeNPI, taxonomy: "103T00000X", licence: .psychologist),
            profile: ProviderProfile(providerID: "dr-lee", firstName: "Dana", lastName: "Lee", credentials: "PhD"), tenant: slug)
        try await core.addProvider(
            Provider(id: "j-park", npi: parkNPI, taxonomy: "1041C0700X", licence: .licensedTherapist),
            profile: ProviderProfile(providerID: "j-park", firstName: "Jun", lastName: "Park", credentials: "LCSW"), tenant: slug)
        try await core.addProvider(
            Provider(id: "r-ortiz", npi: ortizNPI, taxonomy: "101YM0800X", licence: .preLicensed, supervisor: "dr-lee"),
            profile: ProviderProfile(providerID: "r-ortiz", firstName: "Rosa", lastName: "Ortiz", credentials: "LPC-A"), tenant: slug)
        try await core.enroll(enrolment(payer: "aetna", providers: ["dr-lee", "j-park", "r-ortiz"]))
        return world
    }

    /// An enrolment with Aetna's usual terms.
    static func enrolment(
        payer: String, providers: Set<ProviderID>, timelyFilingDays: Int = 90, rates: [(code: String, amount: Money)]? = nil
    )
        -> EnrolmentRequest
    {
        EnrolmentRequest(
            tenant: slug, payer: payer, providers: providers, timelyFilingDays: timelyFilingDays, appealDays: 180, correctedClaimDays: 90,
            authorizationRequired: false, telehealthPlaces: ["02", "10"], telehealthModifiers: ["95"], behavioralCarveOut: false,
            rates: rates ?? [("90834", Money(cents: 98_00)), ("90837", Money(cents: 132_00))])
    }

    // MARK: Dates

    /// Today in the practice's time zone, as the commands see it.
    var today: LocalDate { CommandContext.today(in: Self.zone) }

    /// The first day of this year (coverages and contracted rates start then).
    var yearStart: LocalDate { LocalDate(year: today.year, month: 1, day: 1)! }

    /// A date of service `days` before today, never before January 1 (so this year's rules apply).
    func serviceDate(daysAgo days: Int) -> LocalDate { max(today.adding(days: -days), yearStart) }

    // MARK: Patients and sessions

    static func identity(_ first: String, _ last: String, memberID: String = "W123456789", born: String = "1988-04-12") -> PatientIdentity {
        PatientIdentity(
            firstName: first, lastName: last, dateOfBirth: LocalDate(born)!, address: "12 Oak St, Springfield, IL 62701",
            phone: "2175550142",
            memberID: memberID)
    }

    /// A patient with an Aetna primary coverage from January 1 (copay and coinsurance as given).
    func insuredPatient(_ first: String, _ last: String, memberID: String, copay: Money = Money(cents: 25_00), coinsurance: Int = 0)
        async throws -> PatientKey
    {
        let key = try await core.addPatient(Self.identity(first, last, memberID: memberID), selfPay: false, tenant: Self.slug)
        try await core.addCoverage(aetnaCoverage(copay: copay, coinsurance: coinsurance), patient: key, tenant: Self.slug)
        return key
    }

    func aetnaCoverage(copay: Money = Money(cents: 25_00), coinsurance: Int = 0) -> Coverage {
        Coverage(
            id: CoverageID("aetna-primary-\(yearStart)"), payerID: "aetna", order: .primary, copay: copay, coinsurancePercent: coinsurance,
            effective: EffectivePeriod(from: yearStart))
    }

    /// A psychotherapy session record: 90834 (45 minutes) unless told otherwise.
    func session(
        _ id: SessionID, patient: PatientKey, daysAgo: Int = 5, provider: ProviderID = "dr-lee", supervisor: ProviderID? = nil,
        code: String = "90834", minutes: Int = 45, charge: Int64 = 120_00, diagnoses: [String] = ["F33.1"]
    ) -> SessionRecord {
        SessionRecord(
            sessionID: id, patientKey: patient, dateOfService: serviceDate(daysAgo: daysAgo), rendering: provider, supervising: supervisor,
            minutes: minutes, diagnoses: diagnoses.map { ICD10Code($0)! },
            lines: [ServiceLine(code: code, charge: Money(cents: charge), diagnosisPointers: Array(1...min(4, diagnoses.count)))])
    }

    /// Logs a session and makes a claim of it for Aetna; returns the claim.
    func claim(of record: SessionRecord) async throws -> Claim.State {
        try await core.logSession(record, tenant: Self.slug)
        return try await core.createClaim(
            CreateClaimRequest(tenant: Self.slug, patient: record.patientKey, payer: "aetna", sessions: [record.sessionID]))
    }

    // MARK: The record

    /// Every event of the practice's log.
    var practiceEvents: [RecordedEvent] { backend.events(of: practice.id) }

    /// The company tenant.
    func companyTenant() async throws -> Tenant {
        let tenants = try await core.tenants()
        return try #require(tenants.first { $0.kind == .company })
    }

    /// What the record holds, per tenant: events, identities and raw files, and the tenants themselves.
    struct Snapshot: Equatable {
        var tenants: [Tenant]
        var events: [TenantID: Int]
        var identities: [TenantID: Int]
        var files: [TenantID: Int]
    }

    func snapshot() async throws -> Snapshot {
        let tenants = try await core.tenants()
        return Snapshot(
            tenants: tenants, events: Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, backend.events(of: $0.id).count) }),
            identities: Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, backend.identityCount(of: $0.id)) }),
            files: Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, backend.fileCount(of: $0.id)) }))
    }

    /// Runs a command and returns its value with the events it appended: tenant by tenant (the company
    /// first, as `tenants()` lists them), each log in position order.
    func appended<T>(_ body: () async throws -> T) async throws -> (value: T, events: [RecordedEvent]) {
        let before = try await snapshot()
        let value = try await body()
        var events: [RecordedEvent] = []
        for tenant in try await core.tenants() { events += backend.events(of: tenant.id).dropFirst(before.events[tenant.id] ?? 0) }
        return (value, events)
    }

    /// Runs a command that must be refused as a rejection and write nothing; returns the message a person sees.
    @discardableResult
    func refused<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let before = try await snapshot()
        var failure: Failure?
        do { _ = try await body() } catch { failure = Failure(error) }
        #expect(failure != nil, "the command was refused", sourceLocation: sourceLocation)
        #expect(failure?.kind == .rejected, "a refusal, not an outage", sourceLocation: sourceLocation)
        #expect(try await snapshot() == before, "a refused command writes nothing", sourceLocation: sourceLocation)
        return failure?.description ?? ""
    }
}

extension Array where Element == RecordedEvent {
    /// The event types, in order.
    var types: [String] { map(\.eventType) }

    /// The events of one type.
    func of(_ type: String) -> [RecordedEvent] { filter { $0.eventType == type } }
}

extension RecordedEvent {
    /// The payload as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: payload) as? [String: Any]) ?? [:] }

    /// The payload as text.
    var payloadText: String { String(decoding: payload, as: UTF8.self) }
}
