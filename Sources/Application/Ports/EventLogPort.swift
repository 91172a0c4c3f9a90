import EventStore
import Foundation

/// The event log as commands use it, inside one transaction.
public protocol EventLogPort: AnyObject {
    /// A stream's events from a version (inclusive), oldest first, at most `limit`.
    func readStream(tenant: TenantID, stream: String, from version: Int64, limit: Int) throws -> [RecordedEvent]
    /// Appends atomically (expected versions checked, idempotency key honoured).
    func append(_ request: AppendRequest) throws -> AppendResult
    /// Whether an idempotency key has been used in the tenant's log.
    func isKeyUsed(tenant: TenantID, key: String) throws -> Bool
    /// Which of these idempotency keys have been used in the tenant's log (PostgreSQL: one query).
    func usedKeys(tenant: TenantID, among keys: [String]) throws -> Set<String>
    /// Appends each event as its own append under its own idempotency key (PostgreSQL: one call for all of them); a
    /// key already used, or repeated within the call, appends nothing and answers `replayed`. One result per event.
    func appendEach(tenant: TenantID, _ events: [KeyedEvent]) throws -> [KeyedAppended]
    /// Records a read of protected data (`access.*`) through the log's access path; returns its position.
    func recordAccess(_ event: NewEvent, tenant: TenantID) throws -> Int64
    /// Events of some types in some tenants' logs, oldest recorded first (the access trail), optionally only one
    /// login's and only those recorded at or after a time.
    func events(ofTypes types: [String], tenants: [TenantID], login: String?, recordedSince: Date?) throws -> [RecordedEvent]
    /// A tenant's newest `limit` events of some types, newest first, optionally only one login's, only those recorded
    /// at or after a time, and (when `payloadContainingAny` is not empty) only those whose payload holds one of these
    /// top-level string fields (`["patientKey": "pk-1"]`).
    func newestEvents(
        ofTypes types: [String], tenant: TenantID, login: String?, recordedSince: Date?, payloadContainingAny: [[String: String]], limit: Int
    ) throws -> [RecordedEvent]
}

extension EventLogPort {
    /// One look-up per key (the in-memory store's answer).
    public func usedKeys(tenant: TenantID, among keys: [String]) throws -> Set<String> {
        var used = Set<String>()
        for key in Set(keys) where try isKeyUsed(tenant: tenant, key: key) { used.insert(key) }
        return used
    }

    /// One append per event, each under its key (the in-memory store's answer).
    public func appendEach(tenant: TenantID, _ events: [KeyedEvent]) throws -> [KeyedAppended] {
        try events.map { keyed in
            let result = try append(AppendRequest(tenant: tenant, events: [keyed.event], idempotencyKey: keyed.idempotencyKey))
            guard let first = result.events.first else { throw EventStoreError.invalidRequest("an append answered no event") }
            return KeyedAppended(event: first, replayed: result.replayed)
        }
    }

    /// Every event of a stream.
    public func readWholeStream(tenant: TenantID, stream: String) throws -> [RecordedEvent] {
        var all: [RecordedEvent] = []
        var from: Int64 = 1
        while true {
            let batch = try readStream(tenant: tenant, stream: stream, from: from, limit: 5000)
            all += batch
            guard batch.count == 5000, let last = batch.last else { return all }
            from = last.streamVersion + 1
        }
    }
}
