import Billing
import EventStore
import Foundation

/// Everything an in-memory backend holds: tenants, logs, idempotency keys, the PHI store and logins. A value:
/// a transaction works on a copy and commits by replacing the original.
struct InMemoryRecord: Sendable {
    var tenants: [Tenant] = []
    var logs: [TenantID: [RecordedEvent]] = [:]
    var streamVersions: [TenantID: [String: Int64]] = [:]
    var eventIDs: [TenantID: Set<UUID>] = [:]
    var lastRecordedAt: [TenantID: Date] = [:]
    var keys: [TenantID: [String: AppendResult]] = [:]
    var identities: [TenantID: [PatientKey: PatientIdentity]] = [:]
    var files: [TenantID: [String: [UInt8]]] = [:]
    /// Each login's groups (`rcm_staff`, `rcm_auditor`, …); a login created again joins another group.
    var logins: [String: Set<String>] = [:]
    var assignments: Set<String> = []

    func tenant(_ id: TenantID) -> Tenant? { tenants.first { $0.id == id } }

    /// `rcm.may_access`: owners and auditors see every tenant; others the company and the practices they are
    /// assigned to.
    func mayAccess(_ id: TenantID, login: String, isOwner: Bool) -> Bool {
        isOwner || logins[login, default: []].contains("rcm_auditor") || tenant(id)?.kind == .company
            || assignments.contains("\(login)|\(id)")
    }

    /// Whether the login may call `rcm.append_events` and use the PHI store (granted to `rcm_staff`; a login
    /// made outside `createLogin`, as in `InMemoryBackend(login:isOwner:)`, counts as staff).
    func isStaff(_ login: String, isOwner: Bool) -> Bool {
        let groups = logins[login, default: []]
        return isOwner || groups.isEmpty || groups.contains("rcm_staff")
    }

    /// Whether the PHI store's row policies hide every row from the login (auditors read the log, never PHI).
    func phiHidden(from login: String, isOwner: Bool) -> Bool {
        !isOwner && logins[login, default: []].contains("rcm_auditor")
    }

    /// Appends like `rcm.append_events`, in its order: the request's shape, the login's access to the tenant,
    /// the tenant's log, the idempotency key (a used key returns the original events), the expected versions,
    /// then each event (its stream listed, the table's checks); the key is merged into each event's metadata.
    /// `accessPath` is `rcm.record_access`, which auditors may call as well.
    mutating func append(_ request: AppendRequest, login: String, isOwner: Bool, accessPath: Bool = false, now: Date) throws -> AppendResult
    {
        guard accessPath || isStaff(login, isOwner: isOwner) else { throw EventStoreError.notPermitted(request.tenant) }
        guard !request.events.isEmpty else { throw EventStoreError.invalidRequest("an append needs at least one event") }
        guard mayAccess(request.tenant, login: login, isOwner: isOwner) else { throw EventStoreError.notPermitted(request.tenant) }
        guard tenant(request.tenant) != nil else { throw EventStoreError.unknownTenant(request.tenant) }
        if let key = request.idempotencyKey, let original = keys[request.tenant]?[key] {
            return AppendResult(events: original.events, replayed: true)
        }
        var versions = streamVersions[request.tenant] ?? [:]
        for (stream, expected) in request.expectations {
            let actual = versions[stream] ?? 0
            let matches: Bool
            switch expected {
            case .any: matches = true
            case .noStream: matches = actual == 0
            case .streamExists: matches = actual > 0
            case .exactly(let version): matches = actual == version
            }
            guard matches else { throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: actual) }
        }
        let recordedAt = max(now, lastRecordedAt[request.tenant] ?? .distantPast)
        var log = logs[request.tenant] ?? []
        var ids = eventIDs[request.tenant] ?? []
        var appended: [AppendedEvent] = []
        for (index, event) in request.events.enumerated() {
            guard request.expectations.contains(where: { $0.stream == event.streamID }) else {
                throw EventStoreError.invalidRequest("event \(index + 1) names stream \(event.streamID), which the append does not list")
            }
            try Self.check(event)
            guard ids.insert(event.eventID).inserted else { throw EventStoreError.invalidRequest("event id \(event.eventID) is used") }
            let version = (versions[event.streamID] ?? 0) + 1
            versions[event.streamID] = version
            let recorded = RecordedEvent(
                tenant: request.tenant, position: Int64(log.count + 1), streamID: event.streamID, streamVersion: version,
                eventID: event.eventID, eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payloadData,
                metadata: try Self.metadata(event.metadata, key: request.idempotencyKey), effectiveDate: event.effectiveDate,
                recordedAt: recordedAt, dbUser: login)
            log.append(recorded)
            appended.append(
                AppendedEvent(
                    eventID: event.eventID, position: recorded.position, streamID: event.streamID, streamVersion: version,
                    recordedAt: recordedAt,
                    hash: Data()))
        }
        logs[request.tenant] = log
        eventIDs[request.tenant] = ids
        streamVersions[request.tenant] = versions
        lastRecordedAt[request.tenant] = recordedAt
        let result = AppendResult(events: appended, replayed: false)
        if let key = request.idempotencyKey { keys[request.tenant, default: [:]][key] = result }
        return result
    }

    /// The checks of the events table's columns: stream id length, type name shape, schema version, business date.
    static func check(_ event: NewEvent) throws {
        guard (1...200).contains(event.streamID.count) else {
            throw EventStoreError.invalidRequest("stream id \(event.streamID.prefix(40)) is not 1 to 200 characters")
        }
        guard event.eventType.range(of: #"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"#, options: .regularExpression) != nil else {
            throw EventStoreError.invalidRequest("event type \(event.eventType) is not lower-case dotted words")
        }
        guard event.schemaVersion > 0 else { throw EventStoreError.invalidRequest("schema version \(event.schemaVersion) is not positive") }
        guard LocalDate(event.effectiveDate) != nil else {
            throw EventStoreError.invalidRequest("effective date \(event.effectiveDate) is not a date")
        }
    }

    /// The stored metadata: the event's, with the append's idempotency key added as `rcm.append_events` does.
    static func metadata(_ metadata: EventMetadata, key: String?) throws -> Data {
        let text = Data(metadata.jsonText.utf8)
        guard let key else { return text }
        var object = try JSONSerialization.jsonObject(with: text) as? [String: Any] ?? [:]
        object["idempotency_key"] = key
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
