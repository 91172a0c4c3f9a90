import Billing
import EventStore
import Foundation

/// One in-memory transaction: works on a copy of the record; the backend keeps the copy when the body returns.
///
/// As in PostgreSQL, an error raised by the store aborts the transaction: every later call fails and the
/// transaction cannot commit, unless the error was raised inside `nested` (a savepoint rolled back).
final class InMemoryTransaction: StoreTransaction, EventLogPort, PHIStorePort, DirectoryPort, ReadModelPort {
    var record: InMemoryRecord
    let login: String
    let isOwner: Bool
    private let codec = EventCodec()
    /// The store error that aborted the transaction, if any.
    private var abortedBy: String?

    init(record: InMemoryRecord, login: String, isOwner: Bool) {
        self.record = record
        self.login = login
        self.isOwner = isOwner
    }

    var log: any EventLogPort { self }
    var phi: any PHIStorePort { self }
    var directory: any DirectoryPort { self }
    var readModels: any ReadModelPort { self }

    /// Transactions in memory already run one at a time.
    func takeRetryTurn(tenant: TenantID) throws {}

    func nested<T>(_ body: () throws -> T) throws -> T {
        try checkNotAborted()
        let saved = record
        do { return try body() } catch {
            record = saved
            abortedBy = nil
            throw error
        }
    }

    /// Throws when an earlier store error aborted the transaction (PostgreSQL's "current transaction is aborted").
    func checkNotAborted() throws {
        if let abortedBy {
            throw EventStoreError.invalidRequest(
                "current transaction is aborted, commands ignored until end of transaction block (after: \(abortedBy))")
        }
    }

    /// Runs one store operation: refused in an aborted transaction; its error aborts the transaction.
    private func statement<T>(_ body: () throws -> T) throws -> T {
        try checkNotAborted()
        do { return try body() } catch {
            abortedBy = String(describing: error)
            throw error
        }
    }

    // MARK: EventLogPort

    /// A tenant's log as the row policies show it to this login: empty for a tenant it may not access.
    private func visibleLog(_ tenant: TenantID) -> [RecordedEvent] {
        record.mayAccess(tenant, login: login, isOwner: isOwner) ? record.logs[tenant] ?? [] : []
    }

    func readStream(tenant: TenantID, stream: String, from version: Int64, limit: Int) throws -> [RecordedEvent] {
        try statement { Array(visibleLog(tenant).lazy.filter { $0.streamID == stream && $0.streamVersion >= version }.prefix(limit)) }
    }

    func append(_ request: AppendRequest) throws -> AppendResult {
        try statement { try record.append(request, login: login, isOwner: isOwner, now: Date()) }
    }

    func isKeyUsed(tenant: TenantID, key: String) throws -> Bool {
        try statement { record.mayAccess(tenant, login: login, isOwner: isOwner) && record.keys[tenant]?[key] != nil }
    }

    /// `rcm.record_access`: access events only, to the `access` stream, any version, no idempotency key.
    func recordAccess(_ event: NewEvent, tenant: TenantID) throws -> Int64 {
        try statement {
            guard event.eventType.hasPrefix("access.") else {
                throw EventStoreError.invalidRequest("record_access records access events only")
            }
            let renamed = NewEvent(
                eventID: event.eventID, streamID: "access", eventType: event.eventType, schemaVersion: event.schemaVersion,
                payload: InMemoryPartTwo.marked(event.payload, log: record.logs[tenant] ?? []),
                metadata: event.metadata, effectiveDate: event.effectiveDate)
            return try record.append(
                AppendRequest(tenant: tenant, events: [renamed], expectations: [("access", .any)]), login: login, isOwner: isOwner,
                accessPath: true,
                now: Date()
            ).lastPosition
        }
    }

    /// Events of some types, oldest recorded first, recorded at or after `recordedSince`.
    func events(ofTypes types: [String], tenants: [TenantID], login: String?, recordedSince since: Date?) throws -> [RecordedEvent] {
        try statement {
            return tenants.flatMap(visibleLog).filter { event in
                types.contains(event.eventType) && (login == nil || event.dbUser == login) && (since == nil || event.recordedAt >= since!)
            }.sorted { ($0.recordedAt, $0.tenant, $0.position) < ($1.recordedAt, $1.tenant, $1.position) }
        }
    }

    func newestEvents(
        ofTypes types: [String], tenant: TenantID, login: String?, recordedSince since: Date?, payloadContainingAny: [[String: String]], limit: Int
    ) throws -> [RecordedEvent] {
        try statement {
            let matching = visibleLog(tenant).filter { event in
                guard types.contains(event.eventType), login == nil || event.dbUser == login, since == nil || event.recordedAt >= since! else { return false }
                guard !payloadContainingAny.isEmpty else { return true }
                let fields = (try? JSONSerialization.jsonObject(with: event.payload)) as? [String: Any] ?? [:]
                return payloadContainingAny.contains { document in document.allSatisfy { fields[$0.key] as? String == $0.value } }
            }
            return Array(matching.sorted { $0.position > $1.position }.prefix(limit))
        }
    }

    // MARK: PHIStorePort

    /// Runs a PHI store operation: staff only (the `rcm_phi` grants); `hidden` answers for a login the row
    /// policies hide every row from (auditors).
    private func phiStatement<T>(hidden: () throws -> T, _ body: () throws -> T) throws -> T {
        try statement {
            guard record.isStaff(login, isOwner: isOwner) else {
                throw EventStoreError.invalidRequest("permission denied for schema rcm_phi")
            }
            return try record.phiHidden(from: login, isOwner: isOwner) ? hidden() : body()
        }
    }

    /// A write the row policies refuse (`WITH CHECK`).
    private func refusedByPolicy<T>() throws -> T {
        throw EventStoreError.invalidRequest("new row violates row-level security policy")
    }

    func identityDigest(_ bytes: [UInt8], tenant: TenantID) throws -> String {
        SHA256Hex.of(Array("in-memory digest key|\(tenant)|".utf8) + bytes)
    }

    func insertIdentity(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String) throws {
        try phiStatement(hidden: refusedByPolicy) {
            guard record.identities[tenant]?[key] == nil else { throw EventStoreError.invalidRequest("identity \(key) exists") }
            record.identities[tenant, default: [:]][key] = identity
        }
    }

    func identity(key: PatientKey, tenant: TenantID) throws -> PatientIdentity? {
        try phiStatement(hidden: { nil }) { record.identities[tenant]?[key] }
    }

    func file(sha256: String, tenant: TenantID) throws -> [UInt8]? {
        try phiStatement(hidden: { nil }) { record.files[tenant]?[sha256] }
    }

    func forget(key: PatientKey, tenant: TenantID) throws -> Bool {
        try phiStatement(hidden: { false }) { record.identities[tenant]?.removeValue(forKey: key) != nil }
    }

    func destroyAll(tenant: TenantID) throws -> (identities: Int, files: Int) {
        try phiStatement(hidden: { (0, 0) }) {
            let counts = (record.identities[tenant]?.count ?? 0, record.files[tenant]?.count ?? 0)
            record.identities[tenant] = nil
            record.files[tenant] = nil
            return counts
        }
    }

    func storeFile(_ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID) throws {
        try phiStatement(hidden: refusedByPolicy) {
            if record.files[tenant]?[sha256] == nil { record.files[tenant, default: [:]][sha256] = bytes }
        }
    }

    func files(containing needles: [String], tenant: TenantID) throws -> [(sha256: String, bytes: [UInt8])] {
        let wanted = needles.filter { !$0.isEmpty }.map { Array($0.utf8) }
        return try phiStatement(hidden: { [] }) {
            (record.files[tenant] ?? [:]).filter { _, bytes in wanted.contains { needle in Self.contains(bytes, needle) } }
                .sorted { $0.key < $1.key }.map { (sha256: $0.key, bytes: $0.value) }
        }
    }

    /// Whether `bytes` holds `needle` somewhere.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID) throws {
        try phiStatement(hidden: refusedByPolicy) {
            guard record.files[tenant]?[sha256] != nil else { throw EventStoreError.invalidRequest("no file \(sha256)") }
            record.files[tenant]?[sha256] = bytes
        }
    }

    func patientKeys(memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID) throws -> [PatientKey] {
        try phiStatement(hidden: { [] }) {
            (record.identities[tenant] ?? [:]).filter { _, identity in
                guard identity.memberID == memberID else { return false }
                guard let name else { return true }
                return identity.firstName.lowercased() == name.first.lowercased() && identity.lastName.lowercased() == name.last.lowercased()
                    && identity.dateOfBirth.description == name.dateOfBirth
            }.map(\.key).sorted { $0.rawValue < $1.rawValue }
        }
    }

    // MARK: DirectoryPort

    func visible(_ tenant: Tenant) -> Bool { record.mayAccess(tenant.id, login: login, isOwner: isOwner) }

    func find(_ slugOrID: String) throws -> Tenant? {
        try statement { record.tenants.first { ($0.slug == slugOrID || $0.id.description == slugOrID) && visible($0) } }
    }

    func list() throws -> [Tenant] {
        try statement { record.tenants.filter(visible).sorted { ($0.kind.rawValue, $0.slug) < ($1.kind.rawValue, $1.slug) } }
    }

    func company() throws -> Tenant? { try statement { record.tenants.first { $0.kind == .company } } }

    /// `rcm.create_tenant` and the table's checks: owners only, a slug of lower-case letters, digits and
    /// dashes, a known time zone (the kind is typed), one company, no second tenant with the slug or id.
    func create(id: TenantID, slug: String, kind: TenantKind, timeZone: String) throws -> Tenant {
        try statement {
            guard isOwner else { throw EventStoreError.notPermitted(id) }
            guard TimeZone(identifier: timeZone) != nil else {
                throw EventStoreError.invalidRequest("time zone \"\(timeZone)\" not recognized")
            }
            guard slug.range(of: "^[a-z0-9][a-z0-9-]{1,62}$", options: .regularExpression) != nil else {
                throw EventStoreError.invalidRequest("slug \(slug) is not 2 to 63 lower-case letters, digits or dashes")
            }
            guard kind != .company || !record.tenants.contains(where: { $0.kind == .company }) else {
                throw EventStoreError.invalidRequest("there is a company tenant already")
            }
            guard !record.tenants.contains(where: { $0.slug == slug || $0.id == id }) else {
                throw EventStoreError.invalidRequest("tenant \(slug) exists")
            }
            let tenant = Tenant(id: id, slug: slug, kind: kind, timeZone: timeZone, status: .active)
            record.tenants.append(tenant)
            return tenant
        }
    }

    /// `rcm.set_tenant_status`: owners only.
    func markOffboarded(_ tenant: TenantID) throws {
        try statement {
            guard isOwner else { throw EventStoreError.notPermitted(tenant) }
            guard let index = record.tenants.firstIndex(where: { $0.id == tenant }) else { return }
            let old = record.tenants[index]
            record.tenants[index] = Tenant(id: old.id, slug: old.slug, kind: old.kind, timeZone: old.timeZone, status: .offboarded)
        }
    }

    /// `rcm.create_login`: owners only, a known group, a login of 3 to 63 lower-case letters, digits or
    /// underscores starting with a letter; false when the login existed (it joins the group).
    func createLogin(_ login: String, password: String?, role: String) throws -> Bool {
        try statement {
            guard isOwner else { throw EventStoreError.invalidRequest("permission denied to create role") }
            guard ["rcm_staff", "rcm_auditor", "rcm_analyst", "rcm_owner"].contains(role) else {
                throw EventStoreError.invalidRequest("unknown group \(role)")
            }
            guard login.range(of: "^[a-z][a-z0-9_]{2,62}$", options: .regularExpression) != nil else {
                throw EventStoreError.invalidRequest("a login is 3 to 63 lower-case letters, digits or underscores, starting with a letter")
            }
            let created = record.logins[login] == nil
            record.logins[login, default: []].insert(role)
            return created
        }
    }

    /// `rcm.assign_staff`: owners only, an existing tenant; false when the login was assigned already.
    func assign(login: String, to tenant: TenantID) throws -> Bool {
        try statement {
            guard isOwner else { throw EventStoreError.notPermitted(tenant) }
            guard record.tenant(tenant) != nil else { throw EventStoreError.unknownTenant(tenant) }
            return record.assignments.insert("\(login)|\(tenant)").inserted
        }
    }

    /// `rcm.rebuild_derived_state`: owners only; nothing derived is lost in memory, so it returns the tenants.
    func restoreDerived() throws -> Int {
        try statement {
            guard isOwner else { throw EventStoreError.invalidRequest("only an owner login may rebuild derived state") }
            return record.tenants.count
        }
    }

    // MARK: ReadModelPort

    private func decoded(_ tenant: TenantID, type: String) -> [BillingEvent] {
        visibleLog(tenant).filter { $0.eventType == type }.compactMap {
            try? codec.decode(eventType: $0.eventType, schemaVersion: $0.schemaVersion, payload: $0.payload)
        }
    }

    func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?) throws -> [ClaimID] {
        try statement {
            // As the index and `claim_status` answer: the payer a claim was created for, or the one it moved to last.
            var current: [ClaimID: PayerID] = [:]
            for event in decoded(tenant, type: "claim.responsibility_transferred") {
                if case .claim(.responsibilityTransferred(let moved)) = event, case .payer(let next, _) = moved.to {
                    current[moved.claimID] = next
                }
            }
            return decoded(tenant, type: "claim.created").compactMap { event in
                guard case .claim(.created(let created)) = event else { return nil }
                let billed = payer == nil || created.payerID == payer || current[created.claimID] == payer
                guard patient == nil || created.patientKey == patient, billed else { return nil }
                return created.claimID
            }
        }
    }

    func claimIDs(tenant: TenantID, status: Claim.Status?, after: ClaimID?, limit: Int) throws -> [ClaimID] {
        // As `claim_status` answers: every claim's state folded, in claim-id order.
        let repository = AggregateRepository()
        let sorted = try claimIDs(tenant: tenant, patient: nil, payer: nil).sorted { $0.rawValue < $1.rawValue }
        return try sorted.filter { id in
            guard after.map({ id.rawValue > $0.rawValue }) ?? true else { return false }
            guard let status else { return true }
            return try repository.load(Claim.self, stream: Claim.streamID(id), tenant: tenant, in: self).state.status == status
        }.prefix(limit).map { $0 }
    }

    func patientsWithAccounts(tenant: TenantID) throws -> [PatientKey] {
        try statement {
            decoded(tenant, type: "account.opened").compactMap { event in
                if case .account(.opened(let opened)) = event { return opened.patientKey }
                return nil
            }
        }
    }

    /// As `session_index` answers: each session at its record as last logged or corrected (voided ones too),
    /// by date of service, then logging order.
    func sessionIDs(tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate) throws -> [SessionID] {
        try statement {
            var records: [SessionID: (record: SessionRecord, logged: Int)] = [:]
            for (order, event) in visibleLog(tenant).filter({ $0.eventType.hasPrefix("session.") }).enumerated() {
                switch try? codec.decode(eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload) {
                case .session(.logged(let logged)): records[logged.record.sessionID] = (logged.record, order)
                case .session(.corrected(let corrected)): records[corrected.record.sessionID]?.record = corrected.record
                default: continue
                }
            }
            return records.values.filter { $0.record.patientKey == patient && $0.record.dateOfService >= from && $0.record.dateOfService <= through }
                .sorted { ($0.record.dateOfService, $0.logged) < ($1.record.dateOfService, $1.logged) }.map(\.record.sessionID)
        }
    }

    func remittanceStreams(tenant: TenantID) throws -> [String] {
        try statement {
            var streams: [String] = []
            for event in visibleLog(tenant) where event.eventType == "remittance.received" && !streams.contains(event.streamID) {
                streams.append(event.streamID)
            }
            return streams
        }
    }
}
