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
