import Billing
import EventStore
import Foundation

/// One in-memory transaction: works on a copy of the record; the backend keeps the copy when the body returns.
final class InMemoryTransaction: StoreTransaction, EventLogPort, PHIStorePort, DirectoryPort, ReadModelPort {
    var record: InMemoryRecord
    let login: String
    let isOwner: Bool
    private let codec = EventCodec()

    init(record: InMemoryRecord, login: String, isOwner: Bool) {
        self.record = record
        self.login = login
        self.isOwner = isOwner
    }

    var log: any EventLogPort { self }
    var phi: any PHIStorePort { self }
    var directory: any DirectoryPort { self }
    var readModels: any ReadModelPort { self }

    func nested<T>(_ body: () throws -> T) throws -> T {
        let saved = record
        do { return try body() } catch {
            record = saved
            throw error
        }
    }

    // MARK: EventLogPort

    func readStream(tenant: TenantID, stream: String, from version: Int64, limit: Int) throws -> [RecordedEvent] {
        Array((record.logs[tenant] ?? []).lazy.filter { $0.streamID == stream && $0.streamVersion >= version }.prefix(limit))
    }

    func append(_ request: AppendRequest) throws -> AppendResult {
        try record.append(request, login: login, now: Date())
    }

    func isKeyUsed(tenant: TenantID, key: String) throws -> Bool { record.keys[tenant]?[key] != nil }

    func recordAccess(_ event: NewEvent, tenant: TenantID) throws -> Int64 {
        guard event.eventType.hasPrefix("access.") else { throw EventStoreError.invalidRequest("only access events") }
        let renamed = NewEvent(
            eventID: event.eventID, streamID: "access", eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload,
            metadata: event.metadata, effectiveDate: event.effectiveDate)
        return try record.append(AppendRequest(tenant: tenant, events: [renamed]), login: login, now: Date()).lastPosition
    }

    func events(ofTypes types: [String], tenants: [TenantID], login: String?, recordedSince: String?) throws -> [RecordedEvent] {
        tenants.flatMap { record.logs[$0] ?? [] }.filter { event in
            types.contains(event.eventType) && (login == nil || event.dbUser == login)
                && (recordedSince == nil || String(event.effectiveDate) >= recordedSince!)
        }.sorted { ($0.recordedAt, $0.position) < ($1.recordedAt, $1.position) }
    }

    // MARK: PHIStorePort

    func insertIdentity(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String) throws {
        guard record.identities[tenant]?[key] == nil else { throw EventStoreError.invalidRequest("identity \(key) exists") }
        record.identities[tenant, default: [:]][key] = identity
    }

    func identity(key: PatientKey, tenant: TenantID) throws -> PatientIdentity? { record.identities[tenant]?[key] }

    func forget(key: PatientKey, tenant: TenantID) throws -> Bool {
        record.identities[tenant]?.removeValue(forKey: key) != nil
    }

    func destroyAll(tenant: TenantID) throws -> (identities: Int, files: Int) {
        let counts = (record.identities[tenant]?.count ?? 0, record.files[tenant]?.count ?? 0)
        record.identities[tenant] = nil
        record.files[tenant] = nil
        return counts
    }

    func storeFile(_ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID) throws {
        if record.files[tenant]?[sha256] == nil { record.files[tenant, default: [:]][sha256] = bytes }
    }

    // MARK: DirectoryPort

    func visible(_ tenant: Tenant) -> Bool {
        isOwner || tenant.kind == .company || record.assignments.contains("\(login)|\(tenant.id)")
    }

    func find(_ slugOrID: String) throws -> Tenant? {
        record.tenants.first { ($0.slug == slugOrID || $0.id.description == slugOrID) && visible($0) }
    }

    func list() throws -> [Tenant] {
        record.tenants.filter(visible).sorted { ($0.kind.rawValue, $0.slug) < ($1.kind.rawValue, $1.slug) }
    }

    func company() throws -> Tenant? { record.tenants.first { $0.kind == .company } }

    func create(id: TenantID, slug: String, kind: TenantKind, timeZone: String) throws -> Tenant {
        guard isOwner else { throw EventStoreError.notPermitted(id) }
        guard !record.tenants.contains(where: { $0.slug == slug || $0.id == id }) else {
            throw EventStoreError.invalidRequest("tenant \(slug) exists")
        }
        let tenant = Tenant(id: id, slug: slug, kind: kind, timeZone: timeZone, status: .active)
        record.tenants.append(tenant)
        return tenant
    }

    func markOffboarded(_ tenant: TenantID) throws {
        guard let index = record.tenants.firstIndex(where: { $0.id == tenant }) else { throw EventStoreError.unknownTenant(tenant) }
        let old = record.tenants[index]
        record.tenants[index] = Tenant(id: old.id, slug: old.slug, kind: old.kind, timeZone: old.timeZone, status: .offboarded)
    }

    func createLogin(_ login: String, password: String?, role: String) throws -> Bool {
        guard isOwner else { throw EventStoreError.invalidRequest("only an owner creates logins") }
        let created = record.logins[login] == nil
        record.logins[login] = role
        return created
    }

    func assign(login: String, to tenant: TenantID) throws -> Bool {
        guard isOwner else { throw EventStoreError.notPermitted(tenant) }
        return record.assignments.insert("\(login)|\(tenant)").inserted
    }

    func restoreDerived() throws -> Int { record.tenants.count }

    // MARK: ReadModelPort

    private func decoded(_ tenant: TenantID, type: String) -> [BillingEvent] {
        (record.logs[tenant] ?? []).filter { $0.eventType == type }.compactMap {
            try? codec.decode(eventType: $0.eventType, schemaVersion: $0.schemaVersion, payload: $0.payload)
        }
    }

    func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?) throws -> [ClaimID] {
        decoded(tenant, type: "claim.created").compactMap { event in
            guard case .claim(.created(let created)) = event else { return nil }
            guard patient == nil || created.patientKey == patient, payer == nil || created.payerID == payer else { return nil }
            return created.claimID
        }
    }

    func patientsWithAccounts(tenant: TenantID) throws -> [PatientKey] {
        decoded(tenant, type: "account.opened").compactMap { event in
            if case .account(.opened(let opened)) = event { return opened.patientKey }
            return nil
        }
    }

    func sessionIDs(tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate) throws -> [SessionID] {
        let logged = decoded(tenant, type: "session.logged").compactMap { event -> SessionRecord? in
            guard case .session(.logged(let logged)) = event, logged.record.patientKey == patient else { return nil }
            return logged.record
        }
        let inRange = logged.enumerated().filter { $0.element.dateOfService >= from && $0.element.dateOfService <= through }
        return inRange.sorted { ($0.element.dateOfService, $0.offset) < ($1.element.dateOfService, $1.offset) }.map(\.element.sessionID)
    }
}
