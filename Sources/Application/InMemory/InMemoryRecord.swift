import Billing
import EventStore
import Foundation

/// Everything an in-memory backend holds: tenants, logs, idempotency keys, the PHI store and logins. A value:
/// a transaction works on a copy and commits by replacing the original.
struct InMemoryRecord: Sendable {
    var tenants: [Tenant] = []
    var logs: [TenantID: [RecordedEvent]] = [:]
    var streamVersions: [TenantID: [String: Int64]] = [:]
    var keys: [TenantID: [String: AppendResult]] = [:]
    var identities: [TenantID: [PatientKey: PatientIdentity]] = [:]
    var files: [TenantID: [String: [UInt8]]] = [:]
    var logins: [String: String] = [:]
    var assignments: Set<String> = []

    func tenant(_ id: TenantID) -> Tenant? { tenants.first { $0.id == id } }

    /// Appends like `rcm.append_events`: expected versions checked first, the idempotency key honoured.
    mutating func append(_ request: AppendRequest, login: String, now: Date) throws -> AppendResult {
        guard !request.events.isEmpty else { throw EventStoreError.invalidRequest("no events") }
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
        var log = logs[request.tenant] ?? []
        var appended: [AppendedEvent] = []
        for event in request.events {
            let version = (versions[event.streamID] ?? 0) + 1
            versions[event.streamID] = version
            let recorded = RecordedEvent(
                tenant: request.tenant, position: Int64(log.count + 1), streamID: event.streamID, streamVersion: version,
                eventID: event.eventID, eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payloadData,
                metadata: Data(event.metadata.jsonText.utf8), effectiveDate: event.effectiveDate, recordedAt: now, dbUser: login)
            log.append(recorded)
            appended.append(
                AppendedEvent(
                    eventID: event.eventID, position: recorded.position, streamID: event.streamID, streamVersion: version, recordedAt: now,
                    hash: Data()))
        }
        logs[request.tenant] = log
        streamVersions[request.tenant] = versions
        let result = AppendResult(events: appended, replayed: false)
        if let key = request.idempotencyKey { keys[request.tenant, default: [:]][key] = result }
        return result
    }
}
