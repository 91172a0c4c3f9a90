import Billing
import EventStore
import Foundation
import Postgres
import X12

/// A command's transaction in PostgreSQL: every port over one `DatabaseSession`.
final class PostgresTransaction: StoreTransaction, EventLogPort, PHIStorePort, DirectoryPort {
    let session: DatabaseSession
    let models: PostgresReadModels
    /// The role the transaction acts as, when it set one (the server acting for a person or key).
    let actingRole: String?
    /// The practices' data keys, unwrapped for this transaction only.
    let keys: PostgresDataKeys
    /// Sealed, except in the benchmark's baseline.
    let format: PHIFormat
    /// The people the last file kept names (`X12Mentions.of`), by its SHA-256: a file kept for several practices (a
    /// 271 answering for each) is read for them once; each practice's keyed hashes are still its own.
    private var lastFilePeople: (sha256: String, people: Set<String>)?

    init(session: DatabaseSession, actingRole: String? = nil, wrapping: (any DataKeyWrapping)?, format: PHIFormat = .sealed) {
        self.session = session
        self.models = PostgresReadModels(session: session)
        self.actingRole = actingRole
        self.keys = PostgresDataKeys(wrapping: wrapping)
        self.format = format
    }

    /// The acting role: the one set for the transaction, else the session's login (as `rcm.acting_role()`).
    var login: String { actingRole ?? session.user }
    var log: any EventLogPort { self }
    var phi: any PHIStorePort { self }
    var directory: any DirectoryPort { self }
    var readModels: any ReadModelPort { models }

    static let retryTurnSQL = SQL("retry_turn", "SELECT pg_advisory_xact_lock(hashtextextended('rcm.retry:' || $1::text, 0))")

    func takeRetryTurn(tenant: TenantID) throws {
        _ = try session.query(Self.retryTurnSQL, [tenant.description])
    }

    func nested<T>(_ body: () throws -> T) throws -> T {
        try session.withTransaction { _ in try body() }
    }

    // MARK: EventLogPort

    func readStream(tenant: TenantID, stream: String, from version: Int64, limit: Int) throws -> [RecordedEvent] {
        try EventLog.readStream(tenant: tenant, stream: stream, from: version, limit: limit, in: session)
    }

    func append(_ request: AppendRequest) throws -> AppendResult {
        try EventLog.append(request, in: session)
    }

    func isKeyUsed(tenant: TenantID, key: String) throws -> Bool {
        try EventLog.isKeyUsed(tenant: tenant, key: key, in: session)
    }

    func usedKeys(tenant: TenantID, among keys: [String]) throws -> Set<String> {
        try EventLog.usedKeys(tenant: tenant, among: keys, in: session)
    }

    func appendEach(tenant: TenantID, _ events: [KeyedEvent]) throws -> [KeyedAppended] {
        try EventLog.appendEach(tenant: tenant, events, in: session)
    }

    func recordAccess(_ event: NewEvent, tenant: TenantID) throws -> Int64 {
        try EventLog.recordAccess(event, tenant: tenant, in: session)
    }

    func events(ofTypes types: [String], tenants: [TenantID], login: String?, recordedSince: Date?) throws -> [RecordedEvent] {
        try EventLog.readEvents(ofTypes: types, tenants: tenants, dbUser: login, recordedSince: recordedSince, in: session)
    }

    func newestEvents(
        ofTypes types: [String], tenant: TenantID, login: String?, recordedSince: Date?, payloadContainingAny: [[String: String]], limit: Int
    ) throws -> [RecordedEvent] {
        let documents = try payloadContainingAny.map { JSONText(data: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])) }
        return try EventLog.readNewestEvents(
            ofTypes: types, tenant: tenant, dbUser: login, recordedSince: recordedSince, payloadContainingAny: documents, limit: limit, in: session)
    }

    // MARK: PHIStorePort

    func identityDigest(_ bytes: [UInt8], tenant: TenantID) throws -> String {
        if format == .clearBaseline { return SHA256Hex.of(bytes) }
        return try keys.key(for: tenant, creating: true, in: session)!.digest(bytes)
    }

    func insertIdentity(_ identity: PatientIdentity, key: PatientKey, tenant: TenantID, salt: [UInt8], digest: String) throws {
        if format == .clearBaseline { return try PostgresPHIClearBaseline.insert(identity, key: key, tenant: tenant, salt: salt, digest: digest, in: session) }
        try PostgresPHI.insert(identity, key: key, tenant: tenant, salt: salt, digest: digest, keys: keys, in: session)
    }

    func identity(key: PatientKey, tenant: TenantID) throws -> PatientIdentity? {
        try PostgresPHI.identity(key: key, tenant: tenant, keys: keys, in: session)
    }

    func identities(keys patientKeys: [PatientKey], tenant: TenantID) throws -> [PatientKey: PatientIdentity] {
        try PostgresPHI.identities(patientKeys, tenant: tenant, keys: keys, in: session)
    }

    func forget(key: PatientKey, tenant: TenantID) throws -> Bool {
        try PostgresPHI.forget(key: key, tenant: tenant, in: session)
    }

    func destroyAll(tenant: TenantID) throws -> (identities: Int, files: Int) {
        try PostgresPHI.destroyAll(tenant: tenant, keys: keys, in: session)
    }

    func storeFile(_ bytes: [UInt8], sha256: String, direction: String, kind: String, fileName: String, tenant: TenantID) throws {
        if format == .clearBaseline {
            return try PostgresPHIClearBaseline.storeFile(
                bytes, sha256: sha256, direction: direction, kind: kind, fileName: fileName, tenant: tenant, in: session)
        }
        let people = lastFilePeople?.sha256 == sha256 ? lastFilePeople!.people : X12Mentions.of(bytes)
        lastFilePeople = (sha256, people)
        try PostgresPHIFiles.storeFile(
            bytes, sha256: sha256, direction: direction, kind: kind, fileName: fileName, tenant: tenant, keys: keys, people: people, in: session)
    }

    func file(sha256: String, tenant: TenantID) throws -> [UInt8]? {
        try PostgresPHIFiles.file(sha256: sha256, tenant: tenant, keys: keys, in: session)
    }

    func files(containing needles: [String], tenant: TenantID) throws -> [(sha256: String, bytes: [UInt8])] {
        if format == .clearBaseline { return try PostgresPHIClearBaseline.files(containing: needles, tenant: tenant, keys: keys, in: session) }
        return try PostgresPHIFiles.files(containing: needles, tenant: tenant, keys: keys, in: session)
    }

    func replaceRedacted(sha256: String, bytes: [UInt8], tenant: TenantID) throws {
        if format == .clearBaseline { return try PostgresPHIClearBaseline.replaceRedacted(sha256: sha256, bytes: bytes, tenant: tenant, in: session) }
        try PostgresPHIFiles.replaceRedacted(sha256: sha256, bytes: bytes, tenant: tenant, keys: keys, in: session)
    }

    func patientKeys(memberID: String, sameAs name: (first: String, last: String, dateOfBirth: String)?, tenant: TenantID) throws -> [PatientKey] {
        if format == .clearBaseline { return try PostgresPHIClearBaseline.patientKeys(memberID: memberID, sameAs: name, tenant: tenant, in: session) }
        return try PostgresPHI.patientKeys(memberID: memberID, sameAs: name, tenant: tenant, keys: keys, in: session)
    }

    // MARK: DirectoryPort

    func find(_ slugOrID: String) throws -> Tenant? { try TenantDirectory.find(slugOrID, in: session) }
    func list() throws -> [Tenant] { try TenantDirectory.list(in: session) }
    func company() throws -> Tenant? { try TenantDirectory.company(in: session) }

    func create(id: TenantID, slug: String, kind: TenantKind, timeZone: String) throws -> Tenant {
        try TenantDirectory.create(id: id, slug: slug, kind: kind, timeZone: timeZone, in: session)
    }

    func markOffboarded(_ tenant: TenantID) throws { try PostgresLogins.markOffboarded(tenant, in: session) }

    func createLogin(_ login: String, password: String?, role: String) throws -> Bool {
        try PostgresLogins.create(login, password: password, role: role, in: session)
    }

    func assign(login: String, to tenant: TenantID) throws -> Bool { try PostgresLogins.assign(login, to: tenant, in: session) }

    func restoreDerived() throws -> Int { try PostgresLogins.restoreDerived(in: session) }
}
